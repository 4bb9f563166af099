//! Stage 1 (load): content files → raw serde values with spans.

pub mod fields;
pub mod geography;
pub mod layer;
pub mod load;
pub mod merge;
pub mod problems;
pub mod raw;
pub mod schema;

pub use layer::Layer;
pub use load::{Loaded, RawContent, load, load_layered, parse_toml};
