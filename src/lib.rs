//! drukwerk: structured content in, print-ready PDF publications out, with Typst.
//!
//! The pipeline is one-way; each stage owns its output and never reaches back:
//!
//! ```text
//! content/*.toml ─load─▶ RawContent ─validate─▶ Model ─view─▶ JSON ─render─▶ PagedDocument ─export─▶ PDF
//! ```
//!
//! [`project`] ties the stages together for the commands in [`cmd`].

pub mod cache;
pub mod cmd;
pub mod content;
pub mod diagnostics;
mod error;
pub mod export;
pub mod figures;
pub mod gazetteer;
pub mod geo;
pub mod geoimport;
pub mod i18n;
pub mod icc;
pub mod images;
pub mod jobs;
pub mod manifest;
pub mod model;
pub mod preflight;
pub mod print;
pub mod project;
pub mod render;
pub mod richtext;
pub mod serve;
pub mod simplify;
pub mod site;
pub mod suggest;
pub mod validate;
pub mod view;

pub use error::Error;

/// The Typst version this engine embeds (kept in step with Cargo.toml's `=` pin).
pub const TYPST_VERSION: &str = "0.15.1";

/// Which edition to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Profile {
    /// Screen and website: tagged, accessible, RGB, no bleed.
    #[default]
    Web,
    /// Print shop: 3 mm bleed, CMYK palette.
    Print,
}

impl Profile {
    /// The id passed to layouts as `sys.inputs.profile`.
    pub fn id(self) -> &'static str {
        match self {
            Profile::Web => "web",
            Profile::Print => "print",
        }
    }
}
