//! The site: loading YAML into typed models, and validating values and references.

pub mod date;
pub mod enterprise_files;
pub mod guard;
pub mod load;
pub mod model;
pub mod paths;
pub mod syntax_hints;
pub mod validate;
pub mod values;
pub mod yaml_index;
