//! The lock on `serve`'s door: which names the server answers to (against DNS rebinding), who
//! may use the editor (a token, or the organisation's single-sign-on proxy), and which writes
//! it takes. [`admit`] runs in the outer layer of the router, before any route, so a route
//! added later under `/edit` or `/api/content` is behind it without asking.
//!
//! What is checked, in this order (the README's "The security model of `serve`" says the same
//! for users):
//!
//! 1. `Host` names this server (else `403`); on a non-loopback address `/health` is exempt.
//! 2. With `--read-only`, the editor's paths are `404`.
//! 3. `?token=` on a GET: the right token sets the cookie and redirects (`303`) to the same URL
//!    without it; a wrong one is `401`.
//! 4. Who asks: `Authorization: Bearer`, the cookie, or the proxy's user header (only from the
//!    trusted proxy's address). The editor's paths, and on a non-loopback address every path
//!    but `/health` and `/assets/`, need one of them (else `401`).
//! 5. Writes (`PUT`, `POST`, `DELETE`) only under `/api/content`: the browser's own `Origin`
//!    unless the Bearer header proves the request (else `403`), `Content-Type:
//!    application/json` (else `415`), at most [`BODY_LIMIT`] bytes, counted on the stream (else
//!    `413`). Everything else: GET and HEAD only (`405`), no body (`413`).
//!
//! No response carries CORS headers: a page of another site can neither read an answer nor
//! send a write that needs a preflight.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::i18n::{Lang, Msg};
use crate::msg;

/// The largest request body the editor's API takes (an image upload, base64, fits).
pub const BODY_LIMIT: usize = 8 << 20;

/// The shortest token `--token-file` may hold.
pub const TOKEN_MIN_LEN: usize = 16;

/// The proxy's user header unless `--user-header` names another.
pub const DEFAULT_USER_HEADER: &str = "x-forwarded-user";

/// The longest user name taken from the proxy's header, in bytes.
const USER_MAX_LEN: usize = 256;

/// How often, at most, the machine's addresses are listed again when a `Host` names an IP
/// address not among them (an address may come later, by DHCP).
const ADDRESSES_REFRESH: Duration = Duration::from_secs(5);

/// The secret that proves a request comes from someone who saw `serve`'s output.
#[derive(Clone)]
pub struct Token {
    text: String,
    /// SHA-256 of `text`: candidates are hashed and compared with this in constant time, so
    /// neither the time nor the length of a wrong guess tells anything about the token.
    digest: [u8; 32],
}

impl Token {
    /// 32 bytes from the operating system's random number generator, as 64 hex digits.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        let text: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Self::from_valid(text))
    }

    /// A token given by the user (`--token-file`), trimmed. At least [`TOKEN_MIN_LEN`]
    /// characters, and only those that need no escaping in a URL or a cookie (`A-Z a-z 0-9 -
    /// . _ ~`), so the printed link and the cookie carry it as it is.
    pub fn new(text: &str) -> Result<Self, crate::i18n::Msg> {
        let text = text.trim();
        if text.is_empty() {
            return Err(crate::msg!("serve-token-empty"));
        }
        if let Some(c) = text
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
        {
            return Err(crate::msg!("serve-token-bad-character", character = c));
        }
        if text.len() < TOKEN_MIN_LEN {
            return Err(crate::msg!(
                "serve-token-too-short",
                length = text.len(),
                minimum = TOKEN_MIN_LEN
            ));
        }
        Ok(Self::from_valid(text.to_string()))
    }

    fn from_valid(text: String) -> Self {
        let digest = Sha256::digest(text.as_bytes()).into();
        Self { text, digest }
    }

    /// The token itself (for the printed link, and for tests).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `candidate` is this token, in time that does not depend on where they differ.
    pub fn matches(&self, candidate: &str) -> bool {
        let other: [u8; 32] = Sha256::digest(candidate.as_bytes()).into();
        let difference = self
            .digest
            .iter()
            .zip(other.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        std::hint::black_box(difference) == 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

/// How users prove who they are, besides the token (which always works while the editor is
/// on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthMode {
    /// The token only (`--auth token`, the default).
    Token,
    /// Also the user name in a header set by the organisation's single-sign-on proxy
    /// (`--auth proxy`), believed only from the proxy's own address.
    Proxy {
        /// The proxy's IP address (`--trusted-proxy`); the TCP peer must be this.
        trusted: IpAddr,
        /// The header with the user name (`--user-header`, `X-Forwarded-User` by default).
        user_header: HeaderName,
    },
}

/// Whether the editor is there.
#[derive(Debug, Clone)]
pub enum EditorAccess {
    /// `--read-only`: no editor routes (`404`), no writes, no token.
    Off,
    /// The editor is on; this token opens it.
    On(Token),
}

impl EditorAccess {
    /// Whether pages should show edit links.
    pub fn is_on(&self) -> bool {
        matches!(self, Self::On(_))
    }

    /// The token, when the editor is on.
    pub fn token(&self) -> Option<&Token> {
        match self {
            Self::On(token) => Some(token),
            Self::Off => None,
        }
    }
}

/// Who an admitted request comes from, as a request extension: present on every request that
/// proved itself (always on the editor's routes), so a handler can take
/// `Extension<Editor>`. The save handler uses `user` as the commit's author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The user name from the single-sign-on proxy; `None` for a token (cookie or Bearer).
    pub user: Option<String>,
}

/// How a request proved itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Proof {
    /// `Authorization: Bearer`: a script; a page of another site cannot set this header.
    Bearer,
    /// The cookie the `?token=` link set: the browser sends it by itself, so writes also need
    /// the server's own `Origin`.
    Cookie,
    /// The proxy's user header: the browser's single-sign-on session is just as ambient as a
    /// cookie, so writes need the `Origin` too.
    Proxy(String),
}

/// The security settings of one server, built once by [`crate::serve::app`].
#[derive(Debug)]
pub struct Access {
    /// Whether the editor is on, and its token.
    pub editor: EditorAccess,
    /// Bound to a loopback address: reads need nothing (only this machine can connect).
    loopback: bool,
    /// Reads need a proof (bound elsewhere, and there is something to prove with).
    reads_need_proof: bool,
    hosts: Hosts,
    mode: AuthMode,
    cookie: String,
}

/// The names a `Host` header may give.
#[derive(Debug)]
struct Hosts {
    /// `--allowed-host` names and the bound address when it is a name, lowercase.
    names: Vec<String>,
    /// IP addresses always accepted: loopback ones, and the bound one.
    ips: Vec<IpAddr>,
    /// Bound to 0.0.0.0 or [::]: the machine's addresses, listed again now and then. `None`
    /// inside when they cannot be listed (then any IP literal is accepted: an IP literal
    /// cannot be rebound to this server the way a name can).
    machine: Option<Mutex<MachineAddresses>>,
}

#[derive(Debug)]
struct MachineAddresses {
    listed: Instant,
    addresses: Option<Vec<IpAddr>>,
}

/// What a `Host` header (or a URL's authority) names, without the port.
#[derive(Debug, Clone, PartialEq, Eq)]
enum HostName {
    Ip(IpAddr),
    Name(String),
}

impl Access {
    /// The settings for a server bound to `host` (an IP address, or a name such as
    /// `localhost`), listening on `port`.
    pub fn new(
        host: &str,
        port: u16,
        editor: EditorAccess,
        mode: AuthMode,
        allowed_hosts: &[String],
    ) -> Self {
        let bound = parse_host(host);
        let loopback = match &bound {
            Some(HostName::Ip(ip)) => ip.to_canonical().is_loopback(),
            Some(HostName::Name(name)) => name == "localhost",
            None => false,
        };
        let mut names: Vec<String> = vec!["localhost".into()];
        let mut ips: Vec<IpAddr> = vec![Ipv4Addr::LOCALHOST.into(), Ipv6Addr::LOCALHOST.into()];
        let mut machine = None;
        match bound {
            Some(HostName::Ip(ip)) if ip.is_unspecified() => {
                machine = Some(Mutex::new(MachineAddresses {
                    listed: Instant::now(),
                    addresses: machine_addresses(),
                }));
            }
            Some(HostName::Ip(ip)) => ips.push(ip.to_canonical()),
            Some(HostName::Name(name)) => names.push(name),
            None => {}
        }
        for allowed in allowed_hosts {
            match parse_host(allowed) {
                Some(HostName::Ip(ip)) => ips.push(ip.to_canonical()),
                Some(HostName::Name(name)) => names.push(name),
                None => {}
            }
        }
        let reads_need_proof =
            !loopback && (editor.is_on() || matches!(mode, AuthMode::Proxy { .. }));
        Self {
            editor,
            loopback,
            reads_need_proof,
            hosts: Hosts {
                names,
                ips,
                machine,
            },
            mode,
            // Cookies are not kept apart by port: two servers on one machine would overwrite
            // each other's cookie if it had one name.
            cookie: if port == 0 {
                "drukwerk-token".into()
            } else {
                format!("drukwerk-token-{port}")
            },
        }
    }

    /// Whether the server is bound to a loopback address (only this machine connects).
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// The name of the cookie that carries the token.
    pub fn cookie_name(&self) -> &str {
        &self.cookie
    }

    /// Whether the `Host` header, and the authority of an absolute URL, name this server.
    /// Without either (HTTP/1.0, in-process tests) the request is let through.
    fn host_allowed(&self, headers: &HeaderMap, uri: &Uri) -> bool {
        let mut values = headers.get_all(header::HOST).iter();
        let first = values.next();
        if values.next().is_some() {
            return false;
        }
        let from_header = match first {
            Some(value) => match value.to_str().ok().and_then(parse_host) {
                Some(name) => Some(name),
                None => return false,
            },
            None => None,
        };
        let from_uri = match uri.authority() {
            Some(authority) => match parse_host(authority.as_str()) {
                Some(name) => Some(name),
                None => return false,
            },
            None => None,
        };
        [from_header, from_uri]
            .into_iter()
            .flatten()
            .all(|name| self.hosts.allows(&name))
    }

    /// Who the request comes from. `Err` when it carries a proof that is wrong (a wrong
    /// Bearer token, an invalid user name from the proxy): that is refused even where no proof
    /// is needed, rather than treated as no proof.
    fn prove(&self, request: &Request) -> Result<Option<Proof>, Refusal> {
        let headers = request.headers();
        let token = self.editor.token();
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            let value = value.to_str().unwrap_or("");
            let bearer = value
                .split_once(' ')
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, rest)| rest.trim());
            // Without a token (`--read-only`) there is nothing to be wrong about.
            if let (Some(candidate), Some(token)) = (bearer, token) {
                return if token.matches(candidate) {
                    Ok(Some(Proof::Bearer))
                } else {
                    Err(Refusal::WrongToken)
                };
            }
        }
        if let AuthMode::Proxy {
            trusted,
            user_header,
        } = &self.mode
        {
            let peer = request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_canonical());
            if peer == Some(trusted.to_canonical()) {
                let mut values = headers.get_all(user_header).iter();
                if let Some(value) = values.next() {
                    // A second value means something on the way added one instead of
                    // replacing it: whose is which cannot be known.
                    if values.next().is_some() {
                        return Err(Refusal::BadUser);
                    }
                    return match user_name(value) {
                        Some(user) => Ok(Some(Proof::Proxy(user))),
                        None => Err(Refusal::BadUser),
                    };
                }
            }
        }
        if let Some(token) = token
            && cookies(headers, &self.cookie).any(|candidate| token.matches(candidate))
        {
            return Ok(Some(Proof::Cookie));
        }
        Ok(None)
    }
}

impl Hosts {
    fn allows(&self, name: &HostName) -> bool {
        match name {
            HostName::Name(name) => self.names.iter().any(|n| n == name),
            HostName::Ip(ip) => {
                let ip = ip.to_canonical();
                if self.ips.contains(&ip) {
                    return true;
                }
                let Some(machine) = &self.machine else {
                    return false;
                };
                let Ok(mut machine) = machine.lock() else {
                    return false;
                };
                if machine.addresses.as_ref().is_some_and(|a| a.contains(&ip)) {
                    return true;
                }
                if machine.listed.elapsed() >= ADDRESSES_REFRESH {
                    machine.addresses = machine_addresses();
                    machine.listed = Instant::now();
                }
                match &machine.addresses {
                    Some(addresses) => addresses.contains(&ip),
                    None => true,
                }
            }
        }
    }
}

/// The name in a `Host` header or `--host`/`--allowed-host` value, without the port:
/// `localhost:8000`, `127.0.0.1`, `[::1]:8000`, `drukwerk.example.nl`. Names are lowercase
/// and lose a final dot. `None` for anything else (a bare IPv6 address with a port cannot be
/// told apart, so a bare one is taken whole).
fn parse_host(text: &str) -> Option<HostName> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('[') {
        let (inner, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.strip_prefix(':').is_some_and(is_port)) {
            return None;
        }
        return inner
            .parse::<Ipv6Addr>()
            .ok()
            .map(|ip| HostName::Ip(ip.into()));
    }
    if let Ok(ip) = text.parse::<Ipv6Addr>() {
        return Some(HostName::Ip(ip.into()));
    }
    let name = match text.split_once(':') {
        Some((name, port)) if is_port(port) => name,
        Some(_) => return None,
        None => text,
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
    {
        return None;
    }
    Some(match name.parse::<Ipv4Addr>() {
        Ok(ip) => HostName::Ip(ip.into()),
        Err(_) => HostName::Name(name),
    })
}

/// Checks a `--allowed-host` value: a name or an IP address, with or without a port.
pub fn check_host_name(text: &str) -> Result<(), crate::i18n::Msg> {
    match parse_host(text) {
        Some(_) => Ok(()),
        None => Err(crate::msg!("serve-bad-host-name", name = text)),
    }
}

fn is_port(text: &str) -> bool {
    !text.is_empty() && text.len() <= 5 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The addresses of this machine's network interfaces, or `None` when they cannot be listed.
#[cfg(unix)]
fn machine_addresses() -> Option<Vec<IpAddr>> {
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `head` with a list that stays valid until freeifaddrs; each
    // entry's address, when not null, points to a sockaddr whose family says which struct it
    // is (sockaddr_in for AF_INET, sockaddr_in6 for AF_INET6). The list is freed once, after
    // the last read.
    unsafe {
        if libc::getifaddrs(&mut head) != 0 {
            return None;
        }
        let mut addresses = Vec::new();
        let mut entry = head;
        while !entry.is_null() {
            let address = (*entry).ifa_addr;
            if !address.is_null() {
                match i32::from((*address).sa_family) {
                    libc::AF_INET => {
                        let v4 = &*(address as *const libc::sockaddr_in);
                        addresses
                            .push(IpAddr::V4(Ipv4Addr::from(u32::from_be(v4.sin_addr.s_addr))));
                    }
                    libc::AF_INET6 => {
                        let v6 = &*(address as *const libc::sockaddr_in6);
                        addresses
                            .push(IpAddr::V6(Ipv6Addr::from(v6.sin6_addr.s6_addr)).to_canonical());
                    }
                    _ => {}
                }
            }
            entry = (*entry).ifa_next;
        }
        libc::freeifaddrs(head);
        Some(addresses)
    }
}

#[cfg(not(unix))]
fn machine_addresses() -> Option<Vec<IpAddr>> {
    None
}

/// The values of the cookie `name` in every `Cookie` header.
fn cookies<'a>(headers: &'a HeaderMap, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(move |pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key.trim() == name).then(|| value.trim().trim_matches('"'))
        })
}

/// The user name in the proxy's header: UTF-8, trimmed, not empty, at most
/// [`USER_MAX_LEN`] bytes, no control characters, and no `<` or `>` (it becomes a commit's
/// author, `Name <email>`).
fn user_name(value: &HeaderValue) -> Option<String> {
    let text = std::str::from_utf8(value.as_bytes()).ok()?.trim();
    let valid = !text.is_empty()
        && text.len() <= USER_MAX_LEN
        && !text.chars().any(|c| c.is_control() || c == '<' || c == '>');
    valid.then(|| text.to_string())
}

/// Which part of the server a path is in. The checks use the same raw path the router
/// matches, so no spelling reaches a route without passing them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    /// The editor's HTML pages: every path that begins with `/edit`.
    EditPages,
    /// The editor's API: every path that begins with `/api/content`.
    ContentApi,
    /// `/health`: for load balancers, whatever the Host and without a proof.
    Health,
    /// `/assets/…`: the binary's own stylesheet and scripts (so a refusal page has its style).
    Assets,
    /// Everything else: the previews, PDFs, the site, the read API.
    Reads,
}

impl Area {
    fn of(path: &str) -> Self {
        if path.starts_with("/edit") {
            Self::EditPages
        } else if path.starts_with("/api/content") {
            Self::ContentApi
        } else if path == "/health" {
            Self::Health
        } else if path.starts_with("/assets/") {
            Self::Assets
        } else {
            Self::Reads
        }
    }

    fn is_editor(self) -> bool {
        matches!(self, Self::EditPages | Self::ContentApi)
    }
}

/// Why a request is refused before any route sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// `Host` names another server.
    Host,
    /// `--read-only` and an editor path.
    ReadOnly,
    /// No proof where one is needed.
    NoProof,
    /// A token (Bearer or `?token=`) that is not this server's.
    WrongToken,
    /// The proxy's user header is not a valid name.
    BadUser,
    /// A write with the cookie (or the proxy) but not the server's own `Origin`.
    Origin,
    /// A write that is not JSON.
    ContentType,
    /// A method the path does not take.
    Method,
    /// A body over the limit, or on a request that takes none.
    TooLarge,
    /// A body that could not be read.
    BadBody,
}

/// Lets the request through (with an [`Editor`] extension when it proved itself, the proxy's
/// header removed, a write's body read within the limit), or answers it. See the module's
/// documentation for the order of the checks.
// Both sides are whole HTTP messages, moved once per request: boxing would buy nothing.
#[allow(clippy::result_large_err)]
pub async fn admit(access: &Access, mut request: Request, lang: Lang) -> Result<Request, Response> {
    let path = request.uri().path().to_string();
    let area = Area::of(&path);
    let refuse = |refusal| Err(refusal_response(access, refusal, &path, lang));

    let exempt_from_host = area == Area::Health && !access.loopback;
    if !exempt_from_host && !access.host_allowed(request.headers(), request.uri()) {
        return refuse(Refusal::Host);
    }
    if area.is_editor() && !access.editor.is_on() {
        return refuse(Refusal::ReadOnly);
    }

    let read = request.method() == Method::GET || request.method() == Method::HEAD;
    if read && let Some(token) = access.editor.token() {
        let (candidates, kept) = split_token(request.uri());
        if !candidates.is_empty() {
            if !candidates.iter().all(|c| token.matches(c)) {
                return refuse(Refusal::WrongToken);
            }
            return Err(token_redirect(access, token, &path, kept));
        }
    }

    let proof = match access.prove(&request) {
        Ok(proof) => proof,
        Err(refusal) => return refuse(refusal),
    };
    if let AuthMode::Proxy { user_header, .. } = &access.mode {
        // Handlers learn the user from `Editor`, never from a header anyone could have sent.
        request.headers_mut().remove(user_header);
    }
    let needs_proof = area.is_editor()
        || (access.reads_need_proof && !matches!(area, Area::Health | Area::Assets));
    match &proof {
        None if needs_proof => return refuse(Refusal::NoProof),
        None => {}
        Some(proof) => {
            let user = match proof {
                Proof::Proxy(user) => Some(user.clone()),
                Proof::Bearer | Proof::Cookie => None,
            };
            request.extensions_mut().insert(Editor { user });
        }
    }

    let write = matches!(
        *request.method(),
        Method::PUT | Method::POST | Method::DELETE
    );
    if area == Area::ContentApi && write {
        // Only reached with a proof: the editor's paths need one.
        if proof != Some(Proof::Bearer) && !own_origin(request.headers()) {
            return refuse(Refusal::Origin);
        }
        if !is_json(request.headers()) {
            return refuse(Refusal::ContentType);
        }
        if declared_length(request.headers()).is_some_and(|n| n > BODY_LIMIT as u64) {
            return refuse(Refusal::TooLarge);
        }
        // Read the body here, counting on the stream: a chunked body, or one longer than its
        // Content-Length said, stops at the limit whatever the handler does with it.
        let (parts, body) = request.into_parts();
        let bytes = match Limited::new(body, BODY_LIMIT).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
                return refuse(Refusal::TooLarge);
            }
            Err(_) => return refuse(Refusal::BadBody),
        };
        return Ok(Request::from_parts(parts, Body::from(bytes)));
    }
    if !read {
        return refuse(Refusal::Method);
    }
    if has_body(request.headers()) {
        return refuse(Refusal::TooLarge);
    }
    Ok(request)
}

/// The `token` parameters of a URL's query, and the query without them.
fn split_token(uri: &Uri) -> (Vec<&str>, Vec<&str>) {
    let mut tokens = Vec::new();
    let mut kept = Vec::new();
    for pair in uri.query().unwrap_or("").split('&') {
        if pair.is_empty() {
            continue;
        }
        match pair.split_once('=') {
            Some(("token", value)) => tokens.push(value),
            None if pair == "token" => tokens.push(""),
            _ => kept.push(pair),
        }
    }
    (tokens, kept)
}

/// `303` to the same path without the token, setting the cookie.
fn token_redirect(access: &Access, token: &Token, path: &str, kept: Vec<&str>) -> Response {
    // `//name/…` (or `/\name`) would send the browser to another server: one slash.
    let path = format!("/{}", path.trim_start_matches(['/', '\\']));
    let location = if kept.is_empty() {
        path
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/",
        access.cookie,
        token.as_str()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    // Both come from checked text (the path as the request gave it, a token of URL- and
    // cookie-safe characters), so they are valid header values; if not, no redirect.
    match (
        HeaderValue::from_str(&location),
        HeaderValue::from_str(&cookie),
    ) {
        (Ok(location), Ok(cookie)) => {
            headers.insert(header::LOCATION, location);
            headers.insert(header::SET_COOKIE, cookie);
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        _ => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// Whether `Origin` is this server's own: `http://` (or `https://`, behind a proxy that ends
/// TLS) followed by the `Host` header, compared without regard to case.
fn own_origin(headers: &HeaderMap) -> bool {
    let (Some(origin), Some(host)) = (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) else {
        return false;
    };
    let origin = origin.trim().to_ascii_lowercase();
    let host = host.trim().to_ascii_lowercase();
    [
        origin.strip_prefix("http://"),
        origin.strip_prefix("https://"),
    ]
    .into_iter()
    .flatten()
    .any(|rest| rest == host)
}

/// Whether the body is declared to be JSON (`application/json`, any parameters).
fn is_json(headers: &HeaderMap) -> bool {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return false;
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// Whether a request says it has a body.
pub(super) fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// The answer to a refusal, in `lang`: JSON under `/api/` and for PDFs (programs read
/// those), a small page elsewhere (people read those).
fn refusal_response(access: &Access, refusal: Refusal, path: &str, lang: Lang) -> Response {
    let proxy = matches!(access.mode, AuthMode::Proxy { .. });
    let (status, message, help): (StatusCode, Msg, Option<Msg>) = match refusal {
        Refusal::Host => (
            StatusCode::FORBIDDEN,
            msg!("serve-refused-host"),
            Some(msg!("serve-refused-host.help")),
        ),
        Refusal::ReadOnly => (StatusCode::NOT_FOUND, msg!("serve-refused-read-only"), None),
        Refusal::NoProof if proxy => (
            StatusCode::UNAUTHORIZED,
            msg!("serve-refused-no-proof"),
            Some(msg!("serve-refused-no-proof.help-proxy")),
        ),
        Refusal::NoProof => (
            StatusCode::UNAUTHORIZED,
            msg!("serve-refused-no-proof"),
            Some(msg!("serve-refused-no-proof.help")),
        ),
        Refusal::WrongToken => (
            StatusCode::UNAUTHORIZED,
            msg!("serve-refused-wrong-token"),
            Some(msg!("serve-refused-wrong-token.help")),
        ),
        Refusal::BadUser => (
            StatusCode::UNAUTHORIZED,
            msg!("serve-refused-bad-user"),
            Some(msg!("serve-refused-bad-user.help")),
        ),
        Refusal::Origin => (
            StatusCode::FORBIDDEN,
            msg!("serve-refused-origin"),
            Some(msg!("serve-refused-origin.help")),
        ),
        Refusal::ContentType => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            msg!("serve-refused-content-type"),
            None,
        ),
        Refusal::Method => (
            StatusCode::METHOD_NOT_ALLOWED,
            msg!("serve-refused-method"),
            None,
        ),
        Refusal::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            msg!("serve-refused-too-large"),
            None,
        ),
        Refusal::BadBody => (
            StatusCode::BAD_REQUEST,
            msg!("serve-refused-bad-body"),
            None,
        ),
    };
    let message = message.text(lang);
    let help = help.map(|h| h.text(lang));
    let mut response = if refusal == Refusal::Method && Area::of(path) != Area::ContentApi {
        // As before the editor: the old text for the old routes.
        let text = format!("{}\n", msg!("serve-refused-read-method").text(lang));
        (status, text).into_response()
    } else if refusal == Refusal::TooLarge && Area::of(path) != Area::ContentApi {
        let text = format!("{}\n", msg!("serve-refused-read-body").text(lang));
        (status, text).into_response()
    } else if path.starts_with("/api/") || path.ends_with(".pdf") {
        let mut body = json!({ "error": message });
        if let Some(help) = &help {
            body["help"] = json!(help);
        }
        (status, axum::Json(body)).into_response()
    } else {
        (status, Html(refusal_page(&message, help.as_deref(), lang))).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::UNAUTHORIZED {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"drukwerk\""),
        );
    }
    if refusal == Refusal::Method {
        let allow = if Area::of(path) == Area::ContentApi {
            "GET, HEAD, PUT, POST, DELETE"
        } else {
            "GET, HEAD"
        };
        headers.insert(header::ALLOW, HeaderValue::from_static(allow));
    }
    response
}

/// A small page for people: what happened and what to do. The texts come from the
/// catalogue (nothing from the request), escaped all the same.
fn refusal_page(message: &str, help: Option<&str>, lang: Lang) -> String {
    let message = escape(message);
    let help = help.map_or_else(String::new, |help| format!("<p>{}</p>", escape(help)));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{message} · drukwerk</title>\n\
         <link rel=\"stylesheet\" href=\"/assets/serve.css\">\n</head>\n<body>\n\
         <main id=\"main\" class=\"index\">\n<h1>{message}</h1>\n{help}\n</main>\n</body>\n</html>\n"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_parse_without_port() {
        let ip = |s: &str| Some(HostName::Ip(s.parse().unwrap()));
        let name = |s: &str| Some(HostName::Name(s.into()));
        assert_eq!(parse_host("localhost:8000"), name("localhost"));
        assert_eq!(parse_host("LocalHost."), name("localhost"));
        assert_eq!(parse_host("127.0.0.1:1"), ip("127.0.0.1"));
        assert_eq!(parse_host("[::1]:8000"), ip("::1"));
        assert_eq!(parse_host("[::1]"), ip("::1"));
        assert_eq!(parse_host("::1"), ip("::1"));
        assert_eq!(parse_host("evil.example"), name("evil.example"));
        assert_eq!(parse_host("evil.example:x"), None);
        assert_eq!(parse_host("a b"), None);
        assert_eq!(parse_host("[::1]x"), None);
        assert_eq!(parse_host(""), None);
        assert_eq!(parse_host("localhost:8000:1"), None);
    }

    #[test]
    fn tokens_compare_whole() {
        let token = Token::new("abcdefghijklmnop").unwrap();
        assert!(token.matches("abcdefghijklmnop"));
        assert!(!token.matches("abcdefghijklmno"));
        assert!(!token.matches("abcdefghijklmnopq"));
        assert!(!token.matches(""));
        let random = Token::random().unwrap();
        assert_eq!(random.as_str().len(), 64);
        assert!(random.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(random.as_str(), Token::random().unwrap().as_str());
        assert!(!format!("{random:?}").contains(random.as_str()));
    }

    #[test]
    fn token_files_are_checked() {
        assert_eq!(
            Token::new("  0123456789abcdef\n").unwrap().as_str(),
            "0123456789abcdef"
        );
        let en = |m: crate::i18n::Msg| m.text(crate::i18n::Lang::En);
        assert!(en(Token::new("   \n").unwrap_err()).contains("empty"));
        assert!(en(Token::new("short").unwrap_err()).contains("at least 16"));
        assert!(en(Token::new("0123456789abcdef;x").unwrap_err()).contains("\";\""));
    }

    #[test]
    fn user_names_are_checked() {
        let ok = |s: &str| user_name(&HeaderValue::from_str(s).unwrap());
        assert_eq!(
            ok(" j.jansen@example.nl "),
            Some("j.jansen@example.nl".into())
        );
        assert_eq!(ok(""), None);
        assert_eq!(ok("a\tb"), None);
        assert_eq!(ok("Jan <jan@x>"), None);
        assert_eq!(ok(&"x".repeat(USER_MAX_LEN + 1)), None);
        assert_eq!(
            user_name(&HeaderValue::from_bytes(b"jan\xff").unwrap()),
            None
        );
    }

    #[test]
    fn token_parameters_are_split_from_the_query() {
        let uri: Uri = "/a?x=1&token=abc&y=2".parse().unwrap();
        assert_eq!(split_token(&uri), (vec!["abc"], vec!["x=1", "y=2"]));
        let uri: Uri = "/a?x=1".parse().unwrap();
        assert_eq!(split_token(&uri), (vec![], vec!["x=1"]));
        let uri: Uri = "/a?tokens=1".parse().unwrap();
        assert_eq!(split_token(&uri), (vec![], vec!["tokens=1"]));
    }

    #[test]
    fn the_token_redirect_stays_on_this_server() {
        let token = Token::new("0123456789abcdef").unwrap();
        let access = Access::new(
            "127.0.0.1",
            8000,
            EditorAccess::On(token.clone()),
            AuthMode::Token,
            &[],
        );
        for (path, kept, expected) in [
            ("/preview/publication", vec![], "/preview/publication"),
            ("//evil.example/x", vec!["a=1"], "/evil.example/x?a=1"),
            ("/\\evil.example", vec![], "/evil.example"),
        ] {
            let response = token_redirect(&access, &token, path, kept);
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            assert_eq!(response.headers()[header::LOCATION], expected);
        }
    }

    #[cfg(unix)]
    #[test]
    fn machine_addresses_include_loopback() {
        let addresses = machine_addresses().expect("getifaddrs works on unix");
        assert!(addresses.iter().any(|a| a.is_loopback()), "{addresses:?}");
    }
}
