//! `drukwerk serve`: the thin driver that starts the runtime and the server.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderName;

use super::args::{AuthArg, ServeArgs};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::serve::http::auth::{DEFAULT_USER_HEADER, Token, check_host_name};
use crate::serve::{self, AuthMode, Options};

/// Serves the project until stopped. Exit 0 after a clean stop, 1 when the server could not
/// start (a port in use, a missing project), 2 for bad options.
pub fn serve(root: &Path, args: &ServeArgs, reporter: &Reporter) -> i32 {
    if !args.timeout.is_finite() || args.timeout <= 0.0 {
        reporter.error(
            "usage",
            "--timeout must be a positive number of seconds",
            None,
        );
        return EXIT_USAGE;
    }
    let auth = match (args.auth, args.trusted_proxy) {
        (AuthArg::Token, None) => {
            if args.user_header.is_some() {
                reporter.error("usage", "--user-header needs --auth proxy", None);
                return EXIT_USAGE;
            }
            AuthMode::Token
        }
        (AuthArg::Token, Some(_)) => {
            reporter.error("usage", "--trusted-proxy needs --auth proxy", None);
            return EXIT_USAGE;
        }
        (AuthArg::Proxy, None) => {
            reporter.error("usage", "--auth proxy needs --trusted-proxy ADDR", None);
            return EXIT_USAGE;
        }
        (AuthArg::Proxy, Some(trusted)) => {
            let name = args.user_header.as_deref().unwrap_or(DEFAULT_USER_HEADER);
            match HeaderName::from_bytes(name.as_bytes()) {
                Ok(user_header) => AuthMode::Proxy {
                    trusted,
                    user_header,
                },
                Err(_) => {
                    reporter.error(
                        "usage",
                        &format!("--user-header {name:?} is not a header name"),
                        None,
                    );
                    return EXIT_USAGE;
                }
            }
        }
    };
    for name in &args.allowed_host {
        if let Err(e) = check_host_name(name) {
            reporter.error("usage", &format!("--allowed-host: {e}"), None);
            return EXIT_USAGE;
        }
    }
    let token = match &args.token_file {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Err(e) => {
                reporter.error(
                    "usage",
                    &format!("cannot read --token-file {}: {e}", path.display()),
                    None,
                );
                return EXIT_USAGE;
            }
            Ok(text) => match Token::new(&text) {
                Ok(token) => Some(token.as_str().to_string()),
                Err(e) => {
                    reporter.error(
                        "usage",
                        &format!("--token-file {}: {e}", path.display()),
                        None,
                    );
                    return EXIT_USAGE;
                }
            },
        },
    };
    let limit = match crate::cache::limit_from_env() {
        Ok(limit) => limit,
        Err(message) => {
            reporter.error("usage", &message, None);
            return EXIT_USAGE;
        }
    };
    let document_cache = (!args.no_cache).then(|| {
        crate::cache::DocCache::new(
            crate::cache::dir(root, &root.join("out"), args.cache_dir.as_deref()),
            limit,
        )
    });
    let defaults = Options::default();
    let options = Options {
        host: args.host.clone(),
        port: args.port,
        open: args.open,
        jobs: args.jobs.unwrap_or(defaults.jobs).max(1),
        queue: args.queue,
        timeout: Duration::from_secs_f64(args.timeout),
        cache_bytes: args.cache_mb.saturating_mul(1 << 20),
        poll: defaults.poll,
        token,
        read_only: args.read_only,
        auth,
        allowed_hosts: args.allowed_host.clone(),
        git: !args.no_git,
        document_cache,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Compiles and page drawings run on the blocking pool; at most `jobs` compile at once,
        // so a small pool suffices, and few threads means few malloc arenas (memory stays
        // flat under load).
        .max_blocking_threads(options.jobs * 2 + 2)
        .enable_all()
        .thread_name("drukwerk-http")
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            reporter.error("setup", &format!("cannot start the server: {e}"), None);
            return EXIT_ERRORS;
        }
    };
    let log: Arc<dyn Fn(String) + Send + Sync> = Arc::new(|line| eprintln!("{line}"));
    match runtime.block_on(serve::run(root, options, log)) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            reporter.error(
                "serve",
                &e.to_string(),
                Some("is another server using the port? try --port 0 for a free one"),
            );
            EXIT_ERRORS
        }
    }
}
