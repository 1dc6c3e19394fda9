//! The exercise screen's components, one per kind of step (read, quiz, predict, policy,
//! task, investigate): each module holds its kind's drawing and what its keys do. The state
//! of the exercise on screen is [`Exercise`], one variant per component.
//!
//! The contract: a component draws from the app's state and never changes it; what its keys
//! do is returned as [`super::effect::Effect`]s (record an attempt, save a console command,
//! show a message, go to another step), which the app performs in one place
//! (`App::perform`), so that a failed save is always shown to the learner. Adding a kind of
//! exercise touches its component, the lesson model and the keymap.

pub mod investigate;
pub mod policy;
pub mod predict;
pub mod quiz;
pub mod read;
pub mod task;
