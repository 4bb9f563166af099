//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::Profile;

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
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
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
}

/// `drukwerk list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the regions whose id, name or subtitle contains this (case and accents ignored).
    #[arg(value_name = "SEARCH")]
    pub search: Option<String>,
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

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, for example 2/4")?;
    let i: usize = i
        .trim()
        .parse()
        .map_err(|_| format!("{i:?} is not a number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("{n:?} is not a number"))?;
    if n == 0 || i == 0 || i > n {
        return Err(format!("shard {i}/{n}: I must be between 1 and N"));
    }
    Ok((i, n))
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
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
