//! `drukwerk list`: region ids and names, optionally searched.

use std::path::Path;

use super::args::ListArgs;
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK};
use crate::model::Region;
use crate::project;
use crate::suggest::fold;

/// Prints one line per region: id, sectors, name and subtitle. With a search, only the regions
/// whose id, name or subtitle contains it.
pub fn list(root: &Path, args: &ListArgs, reporter: &Reporter) -> i32 {
    let checked = project::check(root);
    let Some(model) = checked.model else {
        reporter.diagnostics(&checked.sources, &checked.diagnostics);
        return EXIT_ERRORS;
    };
    let regions: Vec<&Region> = model
        .regions
        .iter()
        .filter(|r| args.search.as_deref().is_none_or(|s| matches(r, s)))
        .collect();
    let width = regions.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &regions {
        let sectors: Vec<&str> = r.sectors.iter().map(|s| s.label()).collect();
        let name = match &r.subtitle {
            Some(subtitle) => format!("{} {subtitle}", r.name),
            None => r.name.clone(),
        };
        println!("{:width$}  {:11}  {name}", r.id, sectors.join("/"));
    }
    if regions.is_empty()
        && let Some(search) = &args.search
    {
        reporter.line(crate::msg!("cli-list-no-match", search = search));
    }
    EXIT_OK
}

/// Does the region's id, name or subtitle contain `search` (case and accents ignored)?
fn matches(region: &Region, search: &str) -> bool {
    let needle = fold(search.trim());
    [
        Some(&region.id),
        Some(&region.name),
        region.subtitle.as_ref(),
    ]
    .into_iter()
    .flatten()
    .any(|text| fold(text).contains(&needle))
}
