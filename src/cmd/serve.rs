//! `drukwerk serve`: the thin driver that starts the runtime and the server.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::args::ServeArgs;
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::serve::{self, Options};

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
