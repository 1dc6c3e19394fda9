//! The interface's language; the interface's strings themselves are entries of the catalog
//! (`crate::msg::ui`, and `crate::msg::awserror` for the gloss under an AWS error).

/// The interface languages (the crate's one [`crate::lang::Lang`]).
pub use crate::lang::Lang;
pub use crate::msg::Message;
pub use crate::msg::ui::{Plain, Ui};
