//! `drukwerk serve`: the thin driver that starts the runtime and the server.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderName;

use super::args::{AuthArg, ServeArgs};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::serve::http::auth::{DEFAULT_USER_HEADER, Token, check_host_name};
use crate::serve::{self, AuthMode, Options};

/// Serves the project until stopped. Exit 0 after a clean stop, 1 when the server could not
/// start (a port in use, a missing project), 2 for bad options.
pub fn serve(root: &Path, args: &ServeArgs, reporter: &Reporter) -> i32 {
    if !args.timeout.is_finite() || args.timeout <= 0.0 {
        reporter.report(Diagnostic::error(
            "usage",
            msg!("cli-serve-timeout-positive"),
        ));
        return EXIT_USAGE;
    }
    let auth = match (args.auth, args.trusted_proxy) {
        (AuthArg::Token, None) => {
            if args.user_header.is_some() {
                reporter.report(Diagnostic::error(
                    "usage",
                    msg!("cli-serve-user-header-needs-proxy"),
                ));
                return EXIT_USAGE;
            }
            AuthMode::Token
        }
        (AuthArg::Token, Some(_)) => {
            reporter.report(Diagnostic::error(
                "usage",
                msg!("cli-serve-trusted-proxy-needs-proxy"),
            ));
            return EXIT_USAGE;
        }
        (AuthArg::Proxy, None) => {
            reporter.report(Diagnostic::error(
                "usage",
                msg!("cli-serve-proxy-needs-trusted"),
            ));
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
                    reporter.report(Diagnostic::error(
                        "usage",
                        msg!("cli-serve-bad-user-header", name = name),
                    ));
                    return EXIT_USAGE;
                }
            }
        }
    };
    for name in &args.allowed_host {
        if let Err(e) = check_host_name(name) {
            reporter.report(
                Diagnostic::error("usage", msg!("cli-serve-bad-allowed-host", name = name))
                    .with_note(e),
            );
            return EXIT_USAGE;
        }
    }
    let token = match &args.token_file {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Err(e) => {
                reporter.report(
                    Diagnostic::error(
                        "usage",
                        msg!("cli-serve-cannot-read-token-file", file = path),
                    )
                    .with_note(Msg::verbatim(e.to_string())),
                );
                return EXIT_USAGE;
            }
            Ok(text) => match Token::new(&text) {
                Ok(token) => Some(token.as_str().to_string()),
                Err(e) => {
                    reporter.report(Diagnostic::error(
                        "usage",
                        msg!("cli-serve-bad-token-file", file = path, reason = e),
                    ));
                    return EXIT_USAGE;
                }
            },
        },
    };
    let limit = match crate::cache::limit_from_env() {
        Ok(limit) => limit,
        Err(message) => {
            reporter.report(Diagnostic::error("usage", message));
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
            reporter.report(
                Diagnostic::error("setup", msg!("cli-serve-cannot-start"))
                    .with_note(Msg::verbatim(e.to_string())),
            );
            return EXIT_ERRORS;
        }
    };
    let lang = reporter.lang();
    let log: Arc<dyn Fn(Msg) + Send + Sync> =
        Arc::new(move |line| eprintln!("{}", line.text(lang)));
    match runtime.block_on(serve::run(root, options, log)) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            reporter.report(
                Diagnostic::error("serve", e.message()).with_help(msg!("cli-serve-failed-help")),
            );
            EXIT_ERRORS
        }
    }
}
