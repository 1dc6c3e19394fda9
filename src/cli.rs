//! The command line: one function per subcommand, each returning an exit code
//! (0 ok, 1 "no"/deny where a command says so, 2 bad input). The only module that imports
//! clap.

mod sandbox;
mod simulate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Learn AWS IAM security hands-on, offline: lessons, a simulated AWS account, and an IAM
/// policy evaluator that explains every decision.
#[derive(Debug, Parser)]
#[command(name = "iamdojo", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do (without one, the help is shown).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
// Parsed once per process: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide actions against policies given as text, as `aws iam simulate-custom-policy`
    /// does, and say why.
    SimulateCustomPolicy(simulate::Args),
    /// A shell over a simulated AWS account: type real AWS CLI commands, offline.
    Sandbox(sandbox::Args),
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            println!();
            ExitCode::SUCCESS
        }
        Some(Command::SimulateCustomPolicy(args)) => ExitCode::from(simulate::run(&args)),
        Some(Command::Sandbox(args)) => ExitCode::from(sandbox::run(&args)),
    }
}

/// Reads an argument the way the AWS CLI does: `file://PATH` reads a file, `-` reads
/// standard input, anything else is the value itself.
pub(crate) fn read_arg(value: &str) -> Result<String, String> {
    if let Some(path) = value.strip_prefix("file://") {
        return std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"));
    }
    if value == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(s);
    }
    Ok(value.to_string())
}
