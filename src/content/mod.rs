//! Stage 1 (load): content files → raw serde values with spans.

pub mod geography;
pub mod load;
pub mod raw;

pub use load::{Loaded, RawContent, load, parse_toml};
