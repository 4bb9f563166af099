//! The editor's saves as git commits, through the `git` command.
//!
//! Each save commits just the file it wrote (`git commit --only -- FILE`): whatever else the
//! user has staged or changed is left as it was. The author is the user the single-sign-on
//! proxy named, else the git identity configured on the machine, else a fixed `drukwerk`
//! identity, so a save never fails for want of one. Hooks run as for any commit; a failed
//! commit does not undo the save (the file is written), it is reported.

use std::path::Path;
use std::process::Command;

use serde::Serialize;

/// One commit in a file's history.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The commit hash.
    pub commit: String,
    /// Author date, ISO 8601.
    pub date: String,
    /// Author name.
    pub author: String,
    /// First line of the message.
    pub message: String,
}

/// The identity used when neither the proxy nor the machine names one.
const FALLBACK_NAME: &str = "drukwerk";
const FALLBACK_EMAIL: &str = "drukwerk@localhost";

fn git(root: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        // Never wait for a pager, an editor or a passphrase.
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env("GIT_EDITOR", "true")
        .stdin(std::process::Stdio::null());
    command
}

/// Whether `root` is inside a git work tree (and git is installed).
pub fn is_repository(root: &Path) -> bool {
    git(root)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"true"))
}

fn configured(root: &Path, key: &str, env: &[(&str, &str)]) -> Option<String> {
    let out = git(root)
        .envs(env.iter().copied())
        .args(["config", "--get", key])
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !value.is_empty()).then_some(value)
}

/// Commits the file at `path` (relative to `root`; written or deleted) and nothing else.
pub fn commit(root: &Path, path: &Path, message: &str, user: Option<&str>) -> Result<(), String> {
    commit_with(root, path, message, user, &[])
}

/// [`commit`] with extra environment for git (tests: a machine without an identity).
fn commit_with(
    root: &Path,
    path: &Path,
    message: &str,
    user: Option<&str>,
    env: &[(&str, &str)],
) -> Result<(), String> {
    let add = git(root)
        .envs(env.iter().copied())
        .args(["add", "-A", "--"])
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    if !add.status.success() {
        return Err(String::from_utf8_lossy(&add.stderr).trim().to_string());
    }
    let name = configured(root, "user.name", env);
    let email = configured(root, "user.email", env);
    let (committer_name, committer_email) = match (&name, &email) {
        (Some(n), Some(e)) => (n.clone(), e.clone()),
        _ => (FALLBACK_NAME.to_string(), FALLBACK_EMAIL.to_string()),
    };
    let (author_name, author_email) = match user {
        Some(user) if user.contains('@') => (user.to_string(), user.to_string()),
        Some(user) => (user.to_string(), format!("{user}@drukwerk")),
        None => (committer_name.clone(), committer_email.clone()),
    };
    let out = git(root)
        .envs(env.iter().copied())
        .env("GIT_AUTHOR_NAME", &author_name)
        .env("GIT_AUTHOR_EMAIL", &author_email)
        .env("GIT_COMMITTER_NAME", &committer_name)
        .env("GIT_COMMITTER_EMAIL", &committer_email)
        .args(["-c", "commit.gpgsign=false", "commit", "--only", "-q", "-m"])
        .arg(message)
        .arg("--")
        .arg(path)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// The last `limit` commits that changed `path`, newest first.
pub fn history(root: &Path, path: &Path, limit: usize) -> Vec<Entry> {
    let Ok(out) = git(root)
        .args([
            "log",
            "-n",
            &limit.to_string(),
            "--format=%H%x1f%aI%x1f%an%x1f%s",
            "--",
        ])
        .arg(path)
        .output()
    else {
        return Vec::new();
    };
    if !out.status.success() {
        return Vec::new();
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\u{1f}');
            Some(Entry {
                commit: parts.next()?.to_string(),
                date: parts.next()?.to_string(),
                author: parts.next()?.to_string(),
                message: parts.next().unwrap_or_default().to_string(),
            })
        })
        .collect()
}

/// Whether `commit` looks like a commit hash (and nothing git would read as an option or a
/// revision expression).
pub fn is_commit_hash(commit: &str) -> bool {
    (7..=64).contains(&commit.len()) && commit.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The text of `path` at `commit`.
pub fn show(root: &Path, commit: &str, path: &Path) -> Option<String> {
    if !is_commit_hash(commit) {
        return None;
    }
    // `./` makes the path relative to the project root (`-C`), not to the repository's.
    let spec = format!("{commit}:./{}", path.to_string_lossy().replace('\\', "/"));
    let out = git(root).args(["show", &spec]).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(root: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
        let out = git(root)
            .envs(env.iter().copied())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// On a machine where git has no identity, a save still commits, as `drukwerk`; a user
    /// named by the proxy is the author.
    #[test]
    fn a_commit_never_fails_for_want_of_an_identity() {
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let home_path = home.path().to_str().unwrap();
        let env = [
            ("HOME", home_path),
            ("XDG_CONFIG_HOME", home_path),
            ("GIT_CONFIG_NOSYSTEM", "1"),
        ];
        let root = dir.path();
        run(root, &env, &["init", "-q"]);
        assert!(configured(root, "user.name", &env).is_none());
        std::fs::write(root.join("a.toml"), "a = 1\n").unwrap();
        commit_with(root, Path::new("a.toml"), "eerste", None, &env).unwrap();
        let log = run(root, &env, &["log", "--format=%an <%ae>|%cn|%s"]);
        assert_eq!(log.trim(), "drukwerk <drukwerk@localhost>|drukwerk|eerste");

        // Nothing changed: git refuses an empty commit, reported as an error, not a panic.
        assert!(commit_with(root, Path::new("a.toml"), "leeg", None, &env).is_err());

        std::fs::write(root.join("a.toml"), "a = 2\n").unwrap();
        commit_with(root, Path::new("a.toml"), "tweede", Some("j.jansen"), &env).unwrap();
        let log = run(root, &env, &["log", "-n", "1", "--format=%an <%ae>|%cn|%s"]);
        assert_eq!(log.trim(), "j.jansen <j.jansen@drukwerk>|drukwerk|tweede");
        assert_eq!(history(root, Path::new("a.toml"), 10).len(), 2);
    }

    #[test]
    fn only_hex_commit_ids_reach_git() {
        assert!(is_commit_hash("0123abc"));
        for bad in ["HEAD", "--output=x", "main~1", "abc", "0123abc:../x"] {
            assert!(!is_commit_hash(bad), "{bad}");
        }
    }
}
