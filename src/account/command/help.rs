//! `aws help`, `aws SERVICE help` and `aws SERVICE COMMAND help`: where the AWS CLI opens its
//! manual page, the sandbox says what it has instead, in the learner's language: the
//! services, a service's simulated commands, or a command's options (from the same table
//! the shell reads them with), with the address of the CLI's own manual page.

use super::{Output, Sandbox, Spec, commands, flags_of, model_of};
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;

/// The AWS CLI v2 command reference.
const REFERENCE: &str = "https://awscli.amazonaws.com/v2/documentation/api/latest";

/// Whether the words (after the global options) ask for help: a last word `help` that is not
/// the value of a flag, as the CLI's parser takes a lone `help` positional.
pub fn asks_help(words: &[String]) -> bool {
    match words {
        [.., before, last] => last == "help" && !before.starts_with("--"),
        [only] => only == "help",
        [] => false,
    }
}

impl Sandbox {
    /// The help for `words` without its last `help`.
    pub fn help_page(&self, words: &[String]) -> Output {
        let table = commands();
        let lang = self.lang;
        let mut services: Vec<&str> = table.iter().map(|c| c.service).collect();
        services.sort_unstable();
        services.dedup();
        let text = match words {
            [] => Say::HelpTop.fill(
                lang,
                &[
                    (
                        "services",
                        &services.join(crate::msg::cli::Cli::SandboxListSep.text(lang)),
                    ),
                    ("url", &format!("{REFERENCE}/index.html")),
                ],
            ),
            [service] if services.contains(&service.as_str()) => {
                let names: Vec<&str> = table
                    .iter()
                    .filter(|c| c.service == service)
                    .map(|c| c.name)
                    .collect();
                let mut s = Say::HelpService.fill(
                    lang,
                    &[
                        ("service", service),
                        ("n", &names.len()),
                        (
                            "url",
                            &format!("{REFERENCE}/reference/{service}/index.html"),
                        ),
                    ],
                );
                for n in names {
                    s.push_str(&format!("\n  {n}"));
                }
                s
            }
            [service, name, ..] => match table
                .iter()
                .find(|c| c.service == service && c.name == name)
            {
                Some(spec) => operation_help(self, spec),
                None => Say::HelpUnknown.fill(lang, &[("words", &words.join(" "))]),
            },
            _ => Say::HelpUnknown.fill(lang, &[("words", &words.join(" "))]),
        };
        Output {
            stdout: format!("{text}\n"),
            stderr: String::new(),
            code: 0,
        }
    }
}

/// A command's options, required ones first, as a synopsis (a word without a flag, such as
/// the waiter of `aws ec2 wait`, as `<name>`).
fn operation_help(sb: &Sandbox, spec: &Spec) -> String {
    let (required, flags): (Vec<String>, Vec<String>) = match model_of(spec) {
        Some((svc, op)) => (
            super::args::table(svc, op)
                .iter()
                .filter(|a| a.required)
                .map(|a| format!("--{}", a.flag))
                .collect(),
            flags_of(spec),
        ),
        None => {
            let shown = |p: &super::Param| match p.kind {
                super::Kind::Positional => format!("<{}>", p.name),
                _ => format!("--{}", p.name),
            };
            (
                spec.params
                    .iter()
                    .filter(|p| p.required)
                    .map(shown)
                    .collect(),
                spec.params.iter().map(shown).collect(),
            )
        }
    };
    let mut s = Say::HelpOperation.fill(
        sb.lang,
        &[
            ("command", &format!("aws {} {}", spec.service, spec.name)),
            (
                "url",
                &format!("{REFERENCE}/reference/{}/{}.html", spec.service, spec.name),
            ),
        ],
    );
    for f in required
        .iter()
        .chain(flags.iter().filter(|f| !required.contains(f)))
    {
        let mark = if required.contains(f) {
            Say::HelpRequired.text(sb.lang)
        } else {
            ""
        };
        s.push_str(&format!("\n  {f}{mark}"));
    }
    s
}
