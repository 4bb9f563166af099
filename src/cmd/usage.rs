//! The command line in the user's language: clap's tree of commands with every about text,
//! option, possible value and placeholder taken from the catalogue (`cli.ftl`), clap's own
//! headings replaced, and clap's errors reworded as drukwerk's own.
//!
//! clap prints help while it parses, so the language is chosen first, from the raw arguments
//! (`--lang X` or `--lang=X`, before or after the command), else [`Lang::detect`].
//!
//! Catalogue ids come from the tree: `cli-<command path>-about` (`cli-about` for drukwerk itself,
//! `cli-figures-import-about`), `cli-<path>-opt-<arg>` for an option of one command, else
//! `cli-opt-<arg>`, `cli-value-<arg>-<value>` and `cli-placeholder-<name>`. A test walks the tree
//! and finds every one of them in both catalogues.

use std::ffi::OsString;

use clap::builder::{Arg, ArgAction, Command};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use super::EXIT_USAGE;
use super::args::{Cli, InvalidValue};
use crate::diagnostics::{self, Diagnostic, Sources};
use crate::i18n::{self, Lang, Msg};
use crate::msg;

/// Parses the command line; `Err` is the exit code after help, the version or a usage error
/// was printed (0 for help and the version, 2 for a mistake).
pub fn parse(args: Vec<OsString>) -> Result<Cli, i32> {
    let lang = Lang::detect(lang_from_args(&args));
    let mut command = command(lang);
    let matches = match command.try_get_matches_from_mut(args.clone()) {
        Ok(matches) => matches,
        Err(err) => return Err(report(&command, &args, &err, lang)),
    };
    if let Some(("help", help)) = matches.subcommand() {
        let path: Vec<String> = help
            .get_many::<String>("command")
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        return Err(print_help_of(&mut command, &path, lang));
    }
    Cli::from_arg_matches(&matches).map_err(|err| report(&command, &args, &err, lang))
}

/// The language `--lang` asks for, read before clap parses (the last one given wins, as for
/// every option; nothing after `--`).
pub fn lang_from_args(args: &[OsString]) -> Option<Lang> {
    let choice = |value: &str| match value {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    };
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = args.next().and_then(choice).or(found);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = choice(value).or(found);
        }
    }
    found
}

/// drukwerk's command tree in a language, built (so usage lines and the help can be shown).
pub fn command(lang: Lang) -> Command {
    let root = Cli::command()
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        )
        .subcommand(
            Command::new("help").arg(
                Arg::new("command")
                    .action(ArgAction::Append)
                    .num_args(0..)
                    .value_name("COMMAND"),
            ),
        );
    let mut root = localise(root, "cli", lang);
    root.build();
    if lang != Lang::En {
        localise_usage(&mut root, lang);
    }
    root
}

/// The catalogue text of `id`, or the id itself should it be missing (a test prevents that).
fn text(lang: Lang, id: &str) -> String {
    i18n::lookup(lang, id).unwrap_or_else(|| id.to_string())
}

/// The catalogue id of a command's about text.
pub(crate) fn about_id(path: &str) -> String {
    format!("{path}-about")
}

/// The catalogue ids an argument's help may have, the command's own first.
pub(crate) fn arg_ids(path: &str, arg: &Arg) -> [String; 2] {
    let id = arg.get_id().as_str().replace('_', "-");
    [format!("{path}-opt-{id}"), format!("cli-opt-{id}")]
}

/// The catalogue id of a placeholder (`DIR`, `FILE.pdf`, `I/N`).
pub(crate) fn placeholder_id(name: &str) -> String {
    let name: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("cli-placeholder-{}", name.trim_matches('-'))
}

/// The placeholders an argument shows: its value names, else its id (as clap does).
pub(crate) fn placeholders(arg: &Arg) -> Vec<String> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// The catalogue id of a possible value's help.
/// A value that is not a Fluent identifier (`--thousands .`) is named by its first alias.
pub(crate) fn value_id(arg: &Arg, value: &str) -> String {
    let id_safe = |v: &str| v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let name = if id_safe(value) {
        value.to_string()
    } else {
        (arg.get_possible_values().into_iter())
            .find(|p| p.get_name() == value)
            .and_then(|p| {
                p.get_name_and_aliases()
                    .find(|a| id_safe(a))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| value.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
    };
    format!(
        "cli-value-{}-{name}",
        arg.get_id().as_str().replace('_', "-")
    )
}

/// Takes every text of `cmd` and its subcommands from the catalogue.
fn localise(cmd: Command, path: &str, lang: Lang) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, "cli-heading-usage")
    );
    let mut cmd = cmd
        .about(text(lang, &about_id(path)))
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(text(lang, "cli-heading-commands"))
        .subcommand_value_name(text(lang, "cli-placeholder-command"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    cmd = cmd.mut_args(|arg| localise_arg(arg, path, lang));
    cmd.mut_subcommands(|sub| {
        let path = format!("{path}-{}", sub.get_name());
        localise(sub, &path, lang)
    })
}

fn localise_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let [own, shared] = arg_ids(path, &arg);
    let help = i18n::lookup(lang, &own).unwrap_or_else(|| text(lang, &shared));
    let heading = if arg.is_positional() {
        "cli-heading-arguments"
    } else {
        "cli-heading-options"
    };
    let names: Vec<String> = placeholders(&arg)
        .iter()
        .map(|name| text(lang, &placeholder_id(name)))
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    let possible = if takes_values {
        arg.get_possible_values()
    } else {
        Vec::new()
    };
    let values: Vec<(String, String)> = possible
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let name = v.get_name().to_string();
            let help = text(lang, &value_id(&arg, &name));
            (name, help)
        })
        .collect();
    // clap's "[default: …]" and "[possible values: …]" are English; ours follow the language,
    // in the same places: on the line for -h, in paragraphs for --help.
    let mut short = help.clone();
    let mut long = help;
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        short.push(' ');
        short.push_str(&msg!("cli-spec-possible-values", values = names.join(", ")).text(lang));
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
        long.push_str("\n\n");
        long.push_str(&text(lang, "cli-heading-possible-values"));
        for (name, help) in &values {
            long.push_str(&format!(
                "\n- {:width$} {help}",
                format!("{name}:"),
                width = width + 1
            ));
        }
    }
    if !defaults.is_empty() {
        let spec = msg!("cli-spec-default", value = defaults.join(", ")).text(lang);
        short = format!("{short} {spec}");
        long = format!("{long}\n\n{spec}");
    }
    let mut arg = arg.help_heading(text(lang, heading)).help(short.clone());
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg = if long == short {
        arg.long_help(None::<&'static str>)
    } else {
        arg.long_help(long)
    };
    if !names.is_empty() {
        arg = arg.value_names(names);
    }
    arg
}

/// clap writes `[OPTIONS]` in usage lines in English; in another language each command gets
/// its usage line with the catalogue's word.
fn localise_usage(cmd: &mut Command, lang: Lang) {
    let heading = "Usage:";
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start_matches(heading)
        .trim()
        .replace("[OPTIONS]", &text(lang, "cli-usage-options"));
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        localise_usage(sub, lang);
    }
}

/// The subcommand the arguments name (`drukwerk figures import`), for a usage line and a
/// pointer to its help.
fn named_command<'a>(root: &'a Command, args: &[OsString]) -> &'a Command {
    let mut current = root;
    for arg in args.iter().skip(1) {
        if let Some(sub) = arg.to_str().and_then(|a| current.find_subcommand(a)) {
            current = sub;
        }
    }
    current
}

/// `drukwerk help figures import`: the long help of that command on stdout.
fn print_help_of(root: &mut Command, path: &[String], lang: Lang) -> i32 {
    let mut current = root;
    for (i, name) in path.iter().enumerate() {
        match current.find_subcommand_mut(name) {
            Some(sub) => current = sub,
            None => {
                let d =
                    Diagnostic::error("usage", msg!("cli-error-unknown-command", command = name));
                let mut words = vec!["drukwerk".to_string()];
                words.extend(path[..i].iter().cloned());
                eprint!("{}", diagnostics::to_human(&Sources::default(), &d, lang));
                eprintln!(
                    "{}",
                    msg!("cli-more-information", command = words.join(" ")).text(lang)
                );
                return EXIT_USAGE;
            }
        }
    }
    match current.print_long_help() {
        Ok(()) => super::EXIT_OK,
        Err(_) => EXIT_USAGE,
    }
}

/// Prints what clap found (help, the version, or a mistake in drukwerk's words) and returns
/// the exit code.
fn report(root: &Command, args: &[OsString], err: &clap::Error, lang: Lang) -> i32 {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return super::EXIT_OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return EXIT_USAGE;
        }
        _ => {}
    }
    let command = named_command(root, args);
    let name = command
        .get_bin_name()
        .unwrap_or(command.get_name())
        .to_string();
    let d = diagnostic(err);
    let mut out = diagnostics::to_human(&Sources::default(), &d, lang);
    if !matches!(
        err.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    ) {
        let mut command = command.clone();
        let usage = command.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("{} {usage}\n\n", text(lang, "cli-heading-usage")));
    }
    out.push_str(&msg!("cli-more-information", command = name).text(lang));
    eprintln!("{out}");
    EXIT_USAGE
}

/// One context value of a clap error as text.
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Every context value of a kind (the missing arguments, the valid values).
fn contexts(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// A clap error as drukwerk's diagnostic (code `usage`, as every mistake on the command line).
fn diagnostic(err: &clap::Error) -> Diagnostic {
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let similar = |d: Diagnostic, kind| match context(err, kind) {
        Some(suggestion) => d.with_help(msg!("cli-tip-similar", suggestion = suggestion)),
        None => d,
    };
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let message = if arg.starts_with('-') {
                msg!("cli-error-unknown-option", arg = &arg)
            } else {
                msg!("cli-error-unexpected-argument", arg = &arg)
            };
            let mut d = similar(
                Diagnostic::error("usage", message),
                ContextKind::SuggestedArg,
            );
            if matches!(
                err.get(ContextKind::TrailingArg),
                Some(ContextValue::Bool(true))
            ) {
                d = d.with_help(msg!("cli-tip-separator", arg = &arg));
            }
            d
        }
        ErrorKind::InvalidSubcommand => {
            let command = context(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            similar(
                Diagnostic::error(
                    "usage",
                    msg!("cli-error-unknown-command", command = command),
                ),
                ContextKind::SuggestedSubcommand,
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
            let message = if value.is_empty() && err.kind() == ErrorKind::InvalidValue {
                msg!("cli-error-missing-value", arg = &arg)
            } else {
                msg!("cli-error-invalid-value", value = value, arg = &arg)
            };
            let mut d = Diagnostic::error("usage", message);
            let source = std::error::Error::source(err);
            match source.and_then(|s| s.downcast_ref::<InvalidValue>()) {
                Some(InvalidValue(reason)) => d = d.with_help(reason.clone()),
                // A library's own words (a number that does not parse) only as a note.
                None => {
                    if let Some(source) = source {
                        d = d.with_note(Msg::verbatim(source.to_string()));
                    }
                }
            }
            let valid = contexts(err, ContextKind::ValidValue);
            d = similar(d, ContextKind::SuggestedValue);
            if !valid.is_empty() {
                d = d.with_help(msg!("cli-tip-possible-values", values = valid));
            }
            d
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = contexts(err, ContextKind::InvalidArg);
            Diagnostic::error(
                "usage",
                msg!(
                    "cli-error-missing-required",
                    count = missing.len(),
                    args = missing
                ),
            )
        }
        ErrorKind::MissingSubcommand => {
            Diagnostic::error("usage", msg!("cli-error-missing-command"))
        }
        ErrorKind::ArgumentConflict => {
            let other = contexts(err, ContextKind::PriorArg);
            Diagnostic::error(
                "usage",
                msg!("cli-error-conflict", arg = &arg, other = other),
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            Diagnostic::error("usage", msg!("cli-error-too-many-values", arg = &arg))
        }
        ErrorKind::NoEquals => {
            Diagnostic::error("usage", msg!("cli-error-missing-value", arg = &arg))
        }
        ErrorKind::InvalidUtf8 => Diagnostic::error("usage", msg!("cli-error-not-utf8")),
        _ => {
            // Anything else clap may add later: our sentence, clap's words as a note.
            let clap_words = err.kind().as_str().unwrap_or_default().to_string();
            let d = Diagnostic::error("usage", msg!("cli-error-other"));
            if clap_words.is_empty() {
                d
            } else {
                d.with_note(Msg::verbatim(clap_words))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        assert_eq!(
            lang_from_args(&os(&["drukwerk", "--lang", "nl", "check"])),
            Some(Lang::Nl)
        );
        assert_eq!(
            lang_from_args(&os(&["drukwerk", "check", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&os(&["drukwerk", "--lang", "nl", "check", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&os(&["drukwerk", "check", "--lang", "fr"])),
            None
        );
        assert_eq!(
            lang_from_args(&os(&["drukwerk", "list", "--", "--lang", "nl"])),
            None
        );
        assert_eq!(lang_from_args(&os(&["drukwerk", "check"])), None);
    }

    /// Every command, option, possible value and placeholder of the tree, with the ids it
    /// needs: (what, ids of which one must exist).
    fn needed(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        out.push((path.to_string(), vec![about_id(path)]));
        for arg in cmd.get_arguments() {
            let what = format!("{path} {}", arg.get_id());
            out.push((what.clone(), arg_ids(path, arg).to_vec()));
            for name in placeholders(arg) {
                out.push((format!("{what} <{name}>"), vec![placeholder_id(&name)]));
            }
            let values = if arg.get_action().takes_values() {
                arg.get_possible_values()
            } else {
                Vec::new()
            };
            for value in values {
                let id = value_id(arg, value.get_name());
                out.push((format!("{what} = {}", value.get_name()), vec![id]));
            }
        }
        for sub in cmd.get_subcommands() {
            needed(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_option_has_a_text_in_both_languages() {
        // The tree as drukwerk adds to it (help, --version), before localising.
        let tree = Cli::command()
            .arg(
                Arg::new("version")
                    .long("version")
                    .action(ArgAction::Version),
            )
            .subcommand(
                Command::new("help").arg(
                    Arg::new("command")
                        .action(ArgAction::Append)
                        .value_name("COMMAND"),
                ),
            )
            .mut_subcommands(|sub| sub.arg(Arg::new("help").long("help").action(ArgAction::Help)))
            .arg(Arg::new("help").long("help").action(ArgAction::Help));
        let mut needs = Vec::new();
        needed(&tree, "cli", &mut needs);
        assert!(needs.len() > 100, "the walk found {} texts", needs.len());
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            for (what, ids) in &needs {
                if !ids.iter().any(|id| i18n::lookup(lang, id).is_some()) {
                    missing.push(format!("{lang}: {what} needs one of {ids:?}"));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn the_localised_tree_is_consistent() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
    }

    #[test]
    fn no_english_is_left_in_the_dutch_help() {
        let mut cmd = command(Lang::Nl);
        let mut texts = vec![
            cmd.render_long_help().to_string(),
            cmd.render_help().to_string(),
        ];
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            if let Some(sub) = cmd.find_subcommand_mut(&name) {
                texts.push(sub.render_long_help().to_string());
                texts.push(sub.render_help().to_string());
            }
        }
        for text in texts {
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Possible values",
                "[default",
                "Print help",
                "[OPTIONS]",
                "COMMAND",
            ] {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
        }
    }
}
