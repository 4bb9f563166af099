//! The `drukwerk` binary: parse the command line, run the command, exit with its code.

use clap::Parser;

fn main() {
    let cli = match drukwerk::cmd::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // clap uses 0 for --help/--version, 2 for usage errors.
            std::process::exit(if err.use_stderr() {
                drukwerk::cmd::EXIT_USAGE
            } else {
                0
            });
        }
    };
    std::process::exit(drukwerk::cmd::run(cli));
}
