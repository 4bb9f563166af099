//! `drukwerk list`: region ids and names.

use std::path::Path;

use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK};
use crate::project;

/// Prints one line per region: id, sectors, name.
pub fn list(root: &Path, reporter: &Reporter) -> i32 {
    let checked = project::check(root);
    let Some(model) = checked.model else {
        reporter.diagnostics(&checked.sources, &checked.diagnostics);
        return EXIT_ERRORS;
    };
    let width = model.regions.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &model.regions {
        let sectors: Vec<&str> = r.sectors.iter().map(|s| s.label()).collect();
        println!("{:width$}  {:11}  {}", r.id, sectors.join("/"), r.name);
    }
    EXIT_OK
}
