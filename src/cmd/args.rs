//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::Profile;
use crate::i18n::Msg;
use crate::msg;

/// drukwerk — structured content in, print-ready PDF publications out.
#[derive(Debug, Parser)]
#[command(name = "drukwerk", version, about, long_about = None)]
pub struct Cli {
    /// Project folder (with content/, layouts/ and fonts/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// How to print diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub format: DiagnosticFormat,
    /// When to use colour in diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The language of every message (else DRUKWERK_LANG, else the locale, else English).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangChoice>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

impl From<LangChoice> for crate::i18n::Lang {
    fn from(choice: LangChoice) -> Self {
        match choice {
            LangChoice::Nl => crate::i18n::Lang::Nl,
            LangChoice::En => crate::i18n::Lang::En,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the publication and all fact sheets.
    Build(BuildArgs),
    /// Build the fact sheets of some regions, on demand.
    Factsheet(FactsheetArgs),
    /// Check content and layouts without writing anything.
    Check(CheckArgs),
    /// List the regions with their ids.
    List(ListArgs),
    /// Live preview while editing, and PDFs on demand over HTTP.
    Serve(ServeArgs),
    /// Check PDF files against PDF/X-4, as a print shop's preflight would.
    Preflight(PreflightArgs),
    /// Key figures out to a spreadsheet and back in (the yearly update).
    #[command(subcommand)]
    Figures(FiguresCommand),
    /// The municipal division: a new year's CBS boundaries brought in (the yearly update).
    #[command(subcommand)]
    Geo(GeoCommand),
}

/// `drukwerk geo`.
#[derive(Debug, Subcommand)]
pub enum GeoCommand {
    /// Read a year's municipality boundaries (GeoJSON from PDOK or cartomap/nl), write that
    /// year's files under content/geo/ and report what changed for the region files.
    Import(GeoImportArgs),
}

/// `drukwerk geo import`.
#[derive(Debug, Args)]
pub struct GeoImportArgs {
    /// The municipality boundaries: GeoJSON in RD New or WGS84 with `statcode` and `statnaam`
    /// (cartomap/nl's rd/gemeente_YYYY.geojson).
    #[arg(value_name = "GEMEENTEN.geojson")]
    pub municipalities: PathBuf,
    /// The province boundaries of the same year (cartomap/nl's rd/provincie_YYYY.geojson);
    /// without them the content's current province boundaries stay in use.
    #[arg(long, value_name = "PROVINCIES.geojson")]
    pub provinces: Option<PathBuf>,
    /// The year of the division (CBS's municipalities as of 1 January).
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: i32,
    /// Show what would change; write nothing.
    #[arg(long, conflicts_with = "apply")]
    pub dry_run: bool,
    /// Also change the region files as proposed, switch publication.toml to the new year and
    /// check the result; all files are written together, or none.
    #[arg(long)]
    pub apply: bool,
}

/// `drukwerk list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the regions whose id, name or subtitle contains this (case and accents ignored).
    #[arg(value_name = "SEARCH")]
    pub search: Option<String>,
}

/// `drukwerk serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. The default serves this computer only; use 0.0.0.0 to let other
    /// machines in.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one and prints it).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Open the index page in the browser.
    #[arg(long)]
    pub open: bool,
    /// Documents compiled at once (default: number of cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Requests that may wait for a compile; beyond that the server answers 429.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub queue: usize,
    /// Seconds a request may take, waiting included, before the server answers 503; also
    /// how long requests in flight may finish after Ctrl-C.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Megabytes of finished PDFs kept in memory.
    #[arg(long, value_name = "MB", default_value_t = 64)]
    pub cache_mb: usize,
    /// No editor: /edit and /api/content answer 404, nothing is written, no token is made.
    /// Recommended for serving the public.
    #[arg(long)]
    pub read_only: bool,
    /// Read the editor's token from FILE (trimmed; at least 16 characters of A-Z a-z 0-9 - .
    /// _ ~) instead of making a random one at each start.
    #[arg(long, value_name = "FILE", conflicts_with = "read_only")]
    pub token_file: Option<PathBuf>,
    /// Also answer to NAME in the Host header (the name users type, e.g. behind a proxy);
    /// repeatable. This machine's own addresses and localhost are always accepted.
    #[arg(long, value_name = "NAME")]
    pub allowed_host: Vec<String>,
    /// How users prove who they are: the printed token, or also the user name set by the
    /// organisation's single-sign-on proxy (needs --trusted-proxy).
    #[arg(long, value_enum, default_value_t = AuthArg::Token)]
    pub auth: AuthArg,
    /// With --auth proxy: the proxy's IP address; its user header is believed only from there.
    #[arg(long, value_name = "ADDR", required_if_eq("auth", "proxy"))]
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// With --auth proxy: the header with the user name [default: X-Forwarded-User].
    #[arg(long, value_name = "NAME")]
    pub user_header: Option<String>,
    /// Do not commit the editor's saves to git (they are written to the files only).
    #[arg(long)]
    pub no_git: bool,
    /// Folder of the document cache shared with `build` (default: DRUKWERK_CACHE_DIR, else
    /// out/.cache/documents), so a restarted server does not compile its PDFs again.
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Keep PDFs in memory only: neither read nor write the document cache.
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,
}

/// `serve --auth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthArg {
    /// The token printed at the start (or read with --token-file).
    Token,
    /// The user header of a single-sign-on proxy at --trusted-proxy, or the token.
    Proxy,
}

/// Options shared by the commands that write PDFs.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output folder.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Edition: web (tagged, accessible) or print (bleed, CMYK).
    #[arg(long, value_enum, default_value_t = Profile::Web)]
    pub profile: Profile,
    /// Number of documents compiled at once (default: number of cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Also write each document's view JSON to DIR (under the project root), for compiling a
    /// layout with the plain Typst CLI.
    #[arg(long, value_name = "DIR")]
    pub emit_data: Option<PathBuf>,
    /// Print edition only: add crop marks outside the bleed (the MediaBox grows to hold them).
    #[arg(long)]
    pub crop_marks: bool,
    /// Print the time spent in each stage.
    #[arg(long)]
    pub timings: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Folder of the document cache (default: DRUKWERK_CACHE_DIR, else OUT/.cache/documents);
    /// keep it between CI runs to rebuild only what changed.
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Compile every document, neither reading nor writing the document cache.
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,
}

/// `drukwerk build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Build only shard I of N of the fact sheets (e.g. 2/4), and no publication unless I is 1.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Build only the publication, no fact sheets.
    #[arg(long, conflicts_with = "shard")]
    pub publication_only: bool,
    /// Do not write the website (out/site/). It is written only by a full build of the web
    /// edition (no --shard, no --publication-only), which makes every PDF it links to.
    #[arg(long)]
    pub no_site: bool,
}

/// `drukwerk factsheet`.
#[derive(Debug, Args)]
pub struct FactsheetArgs {
    /// Region ids (see `drukwerk list`).
    #[arg(value_name = "REGION", required_unless_present = "all")]
    pub regions: Vec<String>,
    /// All regions.
    #[arg(long, conflicts_with = "regions")]
    pub all: bool,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `drukwerk check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Exit with an error when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Only check the content; do not compile the layouts.
    #[arg(long)]
    pub content_only: bool,
}

/// `drukwerk preflight`.
#[derive(Debug, Args)]
pub struct PreflightArgs {
    /// The PDF files to check (any PDF, not only drukwerk's).
    #[arg(value_name = "FILE.pdf", required = true)]
    pub files: Vec<PathBuf>,
    /// Total area coverage limit for vector fills, in percent (the printing condition's).
    #[arg(long, value_name = "PERCENT", default_value_t = 300, value_parser = parse_coverage)]
    pub max_coverage: u32,
}

/// `drukwerk figures`.
#[derive(Debug, Subcommand)]
pub enum FiguresCommand {
    /// Write every region's key figures to FILE (.xlsx or .csv).
    Export(FiguresExportArgs),
    /// Read key figures from FILE (.xlsx, .ods or .csv) into content/regions/, after showing
    /// what changes.
    Import(FiguresImportArgs),
}

/// `drukwerk figures export`.
#[derive(Debug, Args)]
pub struct FiguresExportArgs {
    /// The spreadsheet to write: .xlsx (a workbook) or .csv (semicolons, for Dutch Excel).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// `drukwerk figures import`.
#[derive(Debug, Args)]
pub struct FiguresImportArgs {
    /// The spreadsheet to read: .xlsx, .ods or .csv.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write even when there are warnings (large changes, figures that become 0, empty
    /// cells, regions missing from the sheet).
    #[arg(long)]
    pub yes: bool,
    /// Show what would change and every warning; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A change larger than PCT per cent, either way, is a warning.
    #[arg(long, value_name = "PCT", default_value_t = 25.0, value_parser = parse_percent)]
    pub flag_change: f64,
    /// The worksheet to read (default: "Kerncijfers", or else the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// How the sheet writes thousands in numbers saved as text: "." (16.635, Dutch) or ","
    /// (16,635, a sheet saved under an English locale). Default: inferred from the figures.
    #[arg(long, value_name = "SEP")]
    pub thousands: Option<ThousandsChoice>,
}

/// `--thousands`: the thousands separator of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThousandsChoice {
    /// 16.635: a point for thousands, a decimal comma (Dutch).
    #[value(name = ".", alias = "point", alias = "punt")]
    Point,
    /// 16,635: a comma for thousands, a decimal point (English).
    #[value(name = ",", alias = "comma", alias = "komma")]
    Comma,
}

/// Diagnostic output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// Compiler-style, with source excerpts.
    Human,
    /// One JSON object per line.
    Json,
}

/// Colour in diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stderr is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Why a value on the command line is refused, in the catalogue's words (src/cmd/usage.rs finds
/// it behind clap's error and shows it in the user's language).
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidValue(pub Msg);

impl std::fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for InvalidValue {}

fn not_a_number(value: &str) -> InvalidValue {
    InvalidValue(msg!("cli-invalid-not-a-number", value = value.trim()))
}

fn parse_shard(s: &str) -> Result<(usize, usize), InvalidValue> {
    let (i, n) = s
        .split_once('/')
        .ok_or_else(|| InvalidValue(msg!("cli-invalid-shard-form")))?;
    let i: usize = i.trim().parse().map_err(|_| not_a_number(i))?;
    let n: usize = n.trim().parse().map_err(|_| not_a_number(n))?;
    if n == 0 || i == 0 || i > n {
        return Err(InvalidValue(msg!(
            "cli-invalid-shard-range",
            shard = format!("{i}/{n}")
        )));
    }
    Ok((i, n))
}

fn parse_percent(s: &str) -> Result<f64, InvalidValue> {
    let value: f64 = s
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| not_a_number(s))?;
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(InvalidValue(msg!("cli-invalid-percentage")))
    }
}

/// A whole number from `min` to `max`.
fn whole_number(s: &str, min: i64, max: i64) -> Result<i64, InvalidValue> {
    let value: i64 = s
        .trim()
        .parse()
        .map_err(|_| InvalidValue(msg!("cli-invalid-whole-number")))?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(InvalidValue(msg!(
            "cli-invalid-range",
            min = min,
            max = max
        )))
    }
}

fn parse_year(s: &str) -> Result<i32, InvalidValue> {
    whole_number(s, 1900, 2200).map(|y| y as i32)
}

fn parse_coverage(s: &str) -> Result<u32, InvalidValue> {
    whole_number(s, 200, 400).map(|c| c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shards() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("x").is_err());
    }

    #[test]
    fn parses_percentages() {
        assert_eq!(parse_percent("25"), Ok(25.0));
        assert_eq!(parse_percent("12,5%"), Ok(12.5));
        assert!(parse_percent("-3").is_err());
        assert!(parse_percent("inf").is_err());
        assert!(parse_percent("veel").is_err());
    }

    #[test]
    fn parses_ranges() {
        assert_eq!(parse_year("2026"), Ok(2026));
        assert!(parse_year("3000").is_err());
        assert!(parse_year("twee").is_err());
        assert_eq!(parse_coverage("300"), Ok(300));
        assert!(parse_coverage("500").is_err());
    }

    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
