//! The `drukwerk` binary: parse the command line, run the command, exit with its code.

fn main() {
    let cli = match drukwerk::cmd::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        // Help, the version or a usage error was printed: 0 for the first two, 2 for a mistake.
        Err(code) => std::process::exit(code),
    };
    std::process::exit(drukwerk::cmd::run(cli));
}
