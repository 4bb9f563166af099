//! The integration tests, in one binary: each module below was once its own `tests/*.rs`.
//! One binary links Typst once instead of twenty times (faster CI, a fraction of the disk).
//! Run one module with `cargo test --test suite -- maps::`.

mod common;

mod cache;
mod check_fixtures;
mod cli;
mod conformance;
mod dutch;
mod editor;
mod editor_pages;
mod factsheets;
mod figures;
mod geo_import;
mod images;
mod literal;
mod maps;
mod pdfx;
mod profiles;
mod properties;
mod publication;
mod reproducible;
mod serve;
mod serve_auth;
mod site;
mod world;
