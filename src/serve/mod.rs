//! `drukwerk serve`: a live preview while editing, and fact sheets on demand over HTTP.
//!
//! One long-lived engine ([`workspace::Workspace`]: fonts, geography, parsed layouts and
//! Typst's caches kept between runs) driven by a file watcher ([`watch`]), behind a small
//! HTTP service ([`http`], axum on tokio) that only routes, caches and streams: compiles run
//! on the blocking pool, at most `--jobs` at once ([`pdfs`]).
//!
//! The server keeps nothing but caches: every answer is made from the files on disk, so
//! several instances behind a load balancer need no coordination.

mod assets;
pub mod editor;
pub mod git;
pub mod http;
pub mod metrics;
mod pages;
pub mod pdfs;
pub mod preview;
mod texts;
pub mod watch;
pub mod workspace;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::i18n::Msg;
use crate::msg;

pub use http::App;
pub use http::auth::{AuthMode, EditorAccess};
pub use workspace::Workspace;

/// Gives memory that was freed (by the eviction) back to the operating system. glibc keeps
/// freed memory in its per-thread arenas; a long-running server that makes many documents on
/// several threads would otherwise keep the high-water mark of every arena.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory at the top of the heaps and in free pages;
    // it is safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to bind (127.0.0.1 unless asked otherwise).
    pub host: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Open the index in the browser.
    pub open: bool,
    /// Documents compiled at once.
    pub jobs: usize,
    /// Requests that may wait for a compile slot.
    pub queue: usize,
    /// How long a request may take, waiting included.
    pub timeout: Duration,
    /// Bytes of PDFs kept in memory.
    pub cache_bytes: usize,
    /// How often the project folders are compared with the last build (in case events were
    /// lost).
    pub poll: Duration,
    /// The editor's token; `None` makes a random one (32 bytes from the OS, hex). Read it back
    /// from `app.access.editor.token()`.
    pub token: Option<String>,
    /// No editor: its routes are `404`, nothing is written, no token.
    pub read_only: bool,
    /// How users prove who they are besides the token.
    pub auth: AuthMode,
    /// Names the `Host` header may give besides this machine's own (`--allowed-host`).
    pub allowed_hosts: Vec<String>,
    /// Commit each save to git (off with `--no-git`).
    pub git: bool,
    /// The document cache on disk, shared with `build` (`None`: PDFs are kept in memory only).
    pub document_cache: Option<crate::cache::DocCache>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8000,
            open: false,
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 32,
            timeout: Duration::from_secs(30),
            cache_bytes: 64 << 20,
            poll: Duration::from_secs(1),
            token: None,
            read_only: false,
            auth: AuthMode::Token,
            allowed_hosts: Vec::new(),
            git: true,
            document_cache: None,
        }
    }
}

/// The application for a workspace: what the routes serve. Panics if `options.token` is not a
/// valid token (the command line checks it first) or the OS has no random numbers to make one.
pub fn app(workspace: Arc<Workspace>, options: &Options) -> Arc<App> {
    let editor_access = if options.read_only {
        EditorAccess::Off
    } else {
        let token = match &options.token {
            Some(text) => http::auth::Token::new(text)
                .unwrap_or_else(|e| panic!("serve::Options::token: {e:?}")),
            None => http::auth::Token::random()
                .unwrap_or_else(|e| panic!("no random numbers from the operating system: {e}")),
        };
        EditorAccess::On(token)
    };
    let access = http::auth::Access::new(
        &options.host,
        options.port,
        editor_access,
        options.auth.clone(),
        &options.allowed_hosts,
    );
    let pdfs = Arc::new(
        pdfs::Pdfs::new(
            options.jobs,
            options.queue,
            options.timeout,
            options.cache_bytes,
        )
        .with_disk(options.document_cache.clone()),
    );
    let metrics = metrics::Metrics::new(&pdfs.stats);
    let editor =
        (!options.read_only).then(|| Arc::new(editor::Editor::new(workspace.clone(), options.git)));
    Arc::new(App {
        editor,
        workspace,
        pdfs,
        metrics,
        jobs: options.jobs.max(1),
        pages: pages::Pages::new().read_only(options.read_only),
        stopping: tokio::sync::watch::Sender::new(false),
        last_good: Default::default(),
        access,
    })
}

/// How long the server still reads requests after Ctrl-C or SIGTERM before it stops taking
/// new ones.
const SHUTDOWN_READ_GRACE: Duration = Duration::from_millis(250);

/// Runs the server until Ctrl-C or SIGTERM. Prints `Serving http://HOST:PORT` on stderr once
/// it listens, and unless `--read-only` the editor's link with its token (`Bewerken:
/// http://HOST:PORT/?token=…`). `log` receives these lines and one per rebuild, as messages
/// the caller shows in its language.
pub async fn run(
    root: &Path,
    mut options: Options,
    log: Arc<dyn Fn(Msg) + Send + Sync>,
) -> Result<(), crate::Error> {
    let workspace = tokio::task::spawn_blocking({
        let root = root.to_path_buf();
        move || Workspace::open(&root)
    })
    .await
    .map_err(|e| {
        crate::Error::Io(crate::msg!(
            "error-internal",
            reason = Msg::verbatim(e.to_string())
        ))
    })??;
    let addr = format!("{}:{}", options.host, options.port);
    let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port))
        .await
        .map_err(|e| {
            crate::Error::Io(crate::msg!(
                "error-listen",
                address = &addr,
                reason = Msg::verbatim(e.to_string())
            ))
        })?;
    let local: SocketAddr = listener.local_addr().map_err(|e| {
        crate::Error::Io(crate::msg!(
            "error-internal",
            reason = Msg::verbatim(e.to_string())
        ))
    })?;
    // The security checks go by the address actually bound (is it loopback?) and its port
    // (the cookie's name); a name given with --host stays a name the Host header may give.
    if options.host.parse::<std::net::IpAddr>().is_err() {
        options.allowed_hosts.push(options.host.clone());
    }
    options.host = local.ip().to_string();
    options.port = local.port();
    let app = app(workspace.clone(), &options);
    let url = format!("http://{local}");
    log(msg!("cli-serve-serving", url = &url));
    // The link to open on this machine: for 0.0.0.0 or [::], the loopback address.
    let mut editor_url = url.clone();
    if let Some(token) = app.access.editor.token() {
        let mut here = local;
        if here.ip().is_unspecified() {
            here.set_ip(match here.ip() {
                std::net::IpAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::IpAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        editor_url = format!("http://{here}/?token={}", token.as_str());
        log(msg!("cli-serve-edit", url = &editor_url));
    }
    report_snapshot(&workspace.snapshot(), &log);
    let watcher = {
        let log = log.clone();
        let app = app.clone();
        watch::Watcher::start(
            workspace.clone(),
            options.poll,
            Box::new(move |snapshot, changes, took| {
                app.metrics.rebuilds.inc();
                app.metrics.rebuild_seconds.observe(took.as_secs_f64());
                let what = changed_names(workspace_root(&app), changes);
                log(msg!(
                    "cli-serve-rebuilt",
                    ms = took.as_millis() as u64,
                    what = what,
                    counts = counts(snapshot)
                ));
            }),
        )
    };
    if let Some(reason) = &watcher.fallback {
        log(msg!(
            "cli-serve-no-events",
            reason = reason,
            ms = options.poll.as_millis() as u64
        ));
    }
    // With the editor on, the browser opens the link with the token, so it gets the cookie.
    if options.open
        && let Err(e) = open::that_detached(&editor_url)
    {
        log(msg!("cli-serve-no-browser", reason = e.to_string()));
    }
    let router = http::router(app.clone());
    let (stopped_tx, stopped_rx) = tokio::sync::oneshot::channel::<()>();
    // The peer's address reaches the guard (`ConnectInfo`): the proxy's header is believed
    // only from the proxy.
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        // Connections that arrived just before the signal but whose request is not read yet
        // would be closed unanswered (reset) by the graceful shutdown; a moment lets the busy
        // workers read them, so they count as in flight.
        tokio::time::sleep(SHUTDOWN_READ_GRACE).await;
        // Event streams end now; requests in flight (PDFs being made) may finish.
        app.stopping.send_replace(true);
        let _ = stopped_tx.send(());
    });
    let grace = options.timeout;
    let log_stop = log.clone();
    tokio::select! {
        result = server => result.map_err(|e| crate::Error::Io(crate::msg!("error-internal", reason = Msg::verbatim(e.to_string()))))?,
        // After the signal, requests in flight get up to the timeout to finish.
        () = async move {
            let _ = stopped_rx.await;
            tokio::time::sleep(grace).await;
        } => log_stop(msg!("cli-serve-stopped-timeout")),
    }
    drop(watcher);
    log(msg!("cli-serve-stopped"));
    Ok(())
}

fn workspace_root(app: &App) -> &Path {
    app.workspace.root()
}

/// "content/regions/zwolle.toml" or "3 files".
fn changed_names(root: &Path, changes: &workspace::Changes) -> Msg {
    let mut names: Vec<String> = changes
        .paths
        .iter()
        .map(|p| crate::diagnostics::display_path(p.strip_prefix(root).unwrap_or(p.as_path())))
        .collect();
    names.sort();
    match names.len() {
        0 => msg!("cli-serve-rescan"),
        1 => Msg::verbatim(names.remove(0)),
        n => msg!("cli-serve-files", count = n),
    }
}

fn counts(snapshot: &workspace::Snapshot) -> Msg {
    let (errors, warnings) = snapshot.counts();
    msg!("cli-counts", errors = errors, warnings = warnings)
}

fn report_snapshot(snapshot: &workspace::Snapshot, log: &Arc<dyn Fn(Msg) + Send + Sync>) {
    log(msg!(
        "cli-serve-checked",
        ms = snapshot.took.as_millis() as u64,
        counts = counts(snapshot)
    ));
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
