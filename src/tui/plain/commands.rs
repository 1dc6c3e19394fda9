//! The plain mode's commands as one table: where each applies, what is typed, what it does
//! and its help in English and Japanese. The same table decides what a typed line means and
//! prints the help, so the help cannot drift from the handling.

use crate::msg::Message;
use crate::msg::ui::Commands;
use crate::tui::i18n::Lang;

/// Where a command applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Everywhere.
    Anywhere,
    /// The list of lessons.
    Home,
    /// Any step of a lesson.
    Lesson,
    /// A reading step.
    Read,
    /// A quiz.
    Quiz,
    /// A prediction.
    Predict,
    /// A policy exercise.
    Policy,
    /// An investigation (its answer).
    Investigate,
    /// A sandbox console (tasks and investigations).
    Console,
}

/// How a typed line is recognised (case is ignored for words).
#[derive(Debug, Clone, Copy)]
enum Pattern {
    /// Exactly this word.
    Word(&'static str),
    /// This word, alone or followed by a space and an argument.
    Prefix(&'static str),
    /// A line starting with this text (the whole line is the argument).
    Starts(&'static str),
    /// Numbers separated by spaces or commas.
    Numbers,
    /// An empty line.
    Empty,
    /// Any other non-empty line (tried after every other pattern).
    Rest,
}

/// What a command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    /// List the commands of this place.
    Help,
    /// Quit.
    Quit,
    /// Show the list of lessons again.
    List,
    /// Open the lesson with this number.
    Open,
    /// Continue where the learner left off.
    Continue,
    /// Next step.
    Next,
    /// Previous step.
    Prev,
    /// Next hint.
    Hint,
    /// Show the solution (recorded as such).
    Solution,
    /// Show the step again.
    Repeat,
    /// Restart the exercise from its start (asks first).
    Reset,
    /// Back to the list of lessons.
    Back,
    /// Answer a quiz or a prediction with numbers.
    Answer,
    /// A policy typed in, up to a line holding `.`.
    Policy,
    /// A policy read from a file.
    PolicyFile,
    /// Check the policy as it is.
    Check,
    /// Run a line in the sandbox.
    Run,
    /// Answer an investigation.
    Reply,
    /// Print the glossary terms matching a word (the step's terms, or the list, without one).
    Glossary,
}

struct Command {
    place: Place,
    pattern: Pattern,
    label: &'static str,
    cmd: Cmd,
    help: Commands,
}

const fn c(
    place: Place,
    pattern: Pattern,
    label: &'static str,
    cmd: Cmd,
    help: Commands,
) -> Command {
    Command {
        place,
        pattern,
        label,
        cmd,
        help,
    }
}

use Pattern::{Empty, Numbers, Prefix, Rest, Starts, Word};

/// Every command, in the order the help lists them.
const COMMANDS: &[Command] = &[
    c(Place::Home, Numbers, "1", Cmd::Open, Commands::HomeOpen),
    c(
        Place::Home,
        Word("c"),
        "c",
        Cmd::Continue,
        Commands::HomeContinue,
    ),
    c(Place::Home, Word("l"), "l", Cmd::List, Commands::HomeList),
    c(Place::Home, Word("h"), "h", Cmd::Help, Commands::HomeHelp),
    c(Place::Read, Empty, "Enter", Cmd::Next, Commands::ReadNext),
    c(
        Place::Quiz,
        Numbers,
        "1 3",
        Cmd::Answer,
        Commands::QuizAnswer,
    ),
    c(
        Place::Predict,
        Numbers,
        "1",
        Cmd::Answer,
        Commands::PredictAnswer,
    ),
    c(
        Place::Policy,
        Starts("{"),
        "{ ... .",
        Cmd::Policy,
        Commands::PolicyPolicy,
    ),
    c(
        Place::Policy,
        Prefix(":file"),
        ":file PATH",
        Cmd::PolicyFile,
        Commands::PolicyPolicyFile,
    ),
    c(
        Place::Policy,
        Word(":check"),
        ":check",
        Cmd::Check,
        Commands::PolicyCheck,
    ),
    c(
        Place::Console,
        Rest,
        "aws ...",
        Cmd::Run,
        Commands::ConsoleRun,
    ),
    c(
        Place::Investigate,
        Prefix(":answer"),
        ":answer TEXT",
        Cmd::Reply,
        Commands::InvestigateReply,
    ),
    c(
        Place::Lesson,
        Word("n"),
        "n",
        Cmd::Next,
        Commands::LessonNext,
    ),
    c(
        Place::Lesson,
        Word("p"),
        "p",
        Cmd::Prev,
        Commands::LessonPrev,
    ),
    c(
        Place::Lesson,
        Word("h"),
        "h",
        Cmd::Hint,
        Commands::LessonHint,
    ),
    c(
        Place::Lesson,
        Word("s"),
        "s",
        Cmd::Solution,
        Commands::LessonSolution,
    ),
    c(
        Place::Lesson,
        Word("r"),
        "r",
        Cmd::Repeat,
        Commands::LessonRepeat,
    ),
    c(
        Place::Lesson,
        Word("reset"),
        "reset",
        Cmd::Reset,
        Commands::LessonReset,
    ),
    c(
        Place::Lesson,
        Word("b"),
        "b",
        Cmd::Back,
        Commands::LessonBack,
    ),
    c(
        Place::Anywhere,
        Word("?"),
        "?",
        Cmd::Help,
        Commands::HomeHelp,
    ),
    c(
        Place::Anywhere,
        Word("q"),
        "q",
        Cmd::Quit,
        Commands::AnywhereQuit,
    ),
    c(
        Place::Anywhere,
        Prefix("glossary"),
        "glossary WORD",
        Cmd::Glossary,
        Commands::AnywhereGlossary,
    ),
];

/// The command a typed line asks for in these places, with its argument.
pub(super) fn parse<'a>(places: &[Place], line: &'a str) -> Option<(Cmd, &'a str)> {
    let t = line.trim();
    let here = || {
        COMMANDS
            .iter()
            .filter(|c| c.place == Place::Anywhere || places.contains(&c.place))
    };
    here()
        .filter(|c| !matches!(c.pattern, Rest))
        .find_map(|c| matches(c.pattern, t).map(|arg| (c.cmd, arg)))
        .or_else(|| {
            here()
                .filter(|c| matches!(c.pattern, Rest))
                .find_map(|c| matches(c.pattern, t).map(|arg| (c.cmd, arg)))
        })
}

/// The argument when `t` (trimmed) matches the pattern.
fn matches(p: Pattern, t: &str) -> Option<&str> {
    match p {
        Word(w) => t.eq_ignore_ascii_case(w).then_some(""),
        Prefix(w) => {
            let head = t.get(..w.len())?;
            let rest = t.get(w.len()..)?;
            (head.eq_ignore_ascii_case(w) && (rest.is_empty() || rest.starts_with(' ')))
                .then(|| rest.trim())
        }
        Starts(s) => t.starts_with(s).then_some(t),
        Numbers => numbers(t).map(|_| t),
        Empty => t.is_empty().then_some(""),
        Rest => (!t.is_empty()).then_some(t),
    }
}

/// Numbers separated by spaces or commas (at least one), or `None`.
pub(super) fn numbers(t: &str) -> Option<Vec<usize>> {
    let v: Option<Vec<usize>> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        // Digits too many for a number still read as one (a very large one), so that the
        // answer is "no such choice" rather than "unknown command".
        .map(|s| {
            s.parse()
                .ok()
                .or_else(|| s.bytes().all(|b| b.is_ascii_digit()).then_some(usize::MAX))
        })
        .collect();
    v.filter(|v| !v.is_empty())
}

/// The help for these places: one line per command.
pub(super) fn help(places: &[Place], lang: Lang) -> Vec<String> {
    rows(places)
        .map(|c| {
            let what = c.help.text(lang);
            format!("  {:<13} {what}", c.label)
        })
        .collect()
}

/// The commands of these places, named briefly (for the "unknown command" message).
pub(super) fn labels(places: &[Place]) -> String {
    rows(places).map(|c| c.label).collect::<Vec<_>>().join(", ")
}

fn rows(places: &[Place]) -> impl Iterator<Item = &'static Command> {
    COMMANDS
        .iter()
        .filter(move |c| c.place == Place::Anywhere || places.contains(&c.place))
}
