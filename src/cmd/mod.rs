//! The commands behind the `drukwerk` binary. Each returns an exit code:
//! 0 success, 1 content or build errors, 2 usage errors.

pub mod args;
mod build;
mod check;
mod figures;
mod geo;
mod list;
mod preflight;
mod report;
mod serve;
mod usage;

pub use args::Cli;
use args::Command;
use report::Reporter;
pub use usage::parse;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: content or build errors (or warnings under `--deny-warnings`).
pub const EXIT_ERRORS: i32 = 1;
/// Exit code: the command line was wrong.
pub const EXIT_USAGE: i32 = 2;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> i32 {
    let lang = crate::i18n::Lang::detect(cli.lang.map(Into::into));
    let reporter = Reporter::new(cli.format, cli.color, lang);
    match cli.command {
        Command::Build(args) => build::build(&cli.root, &args, &reporter),
        Command::Factsheet(args) => build::factsheet(&cli.root, &args, &reporter),
        Command::Check(args) => check::check(&cli.root, &args, &reporter),
        Command::List(args) => list::list(&cli.root, &args, &reporter),
        Command::Serve(args) => serve::serve(&cli.root, &args, &reporter),
        Command::Preflight(args) => preflight::preflight(&args, &reporter),
        Command::Figures(command) => figures::figures(&cli.root, &command, &reporter),
        Command::Geo(command) => geo::geo(&cli.root, &command, &reporter),
    }
}
