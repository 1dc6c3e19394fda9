//! `iamdojo audit`: findings over an account, as a prioritized to-do list with the fix for
//! each line, or as JSON / SARIF for scripts and code-scanning tools.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args as ClapArgs, ValueEnum};
use serde_json::json;

use super::LangArg;
use super::ticker::Ticker;
use crate::account::Account;
use crate::audit::controls::{Finding, Severity, Stage, audit_across_telling};
use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::audit::Audit;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A numbered to-do list, most severe first.
    Table,
    /// `{"findings": [...]}`.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// Arguments of `audit`.
#[derive(Debug, ClapArgs)]
#[command(
    after_long_help = "Exit status: 0 when there is no finding, 1 when there are findings, 2 when the input cannot be read."
)]
pub struct Args {
    /// A scenario file (docs/scenario-format.md) to audit.
    #[arg(long, value_name = "FILE", conflicts_with = "gaad")]
    pub scenario: Option<PathBuf>,
    /// The JSON of `aws iam get-account-authorization-details` of a real account.
    #[arg(long, value_name = "FILE")]
    pub gaad: Option<PathBuf>,
    /// The IAM credential report CSV (with --gaad).
    #[arg(long, value_name = "FILE", requires = "gaad")]
    pub credential_report: Option<PathBuf>,
    /// The JSON of `aws iam get-account-password-policy` (with --gaad).
    #[arg(long, value_name = "FILE", requires = "gaad")]
    pub password_policy: Option<PathBuf>,
    /// The time ages are measured from (ISO 8601); default: the scenario's clock, else now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// The language of the table (default: from the locale, LANG); the JSON and SARIF output
    /// is the same in every language.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// `--format json`: the findings, and the controls the input could not answer when there are
/// any.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    not_evaluated: &'a [crate::audit::controls::NotEvaluated],
}

/// Why no account could be loaded.
pub(crate) enum LoadError {
    /// The arguments name no account.
    NoAccount,
    /// The file named does not load (its error, as the loader words it).
    File(String),
}

impl LoadError {
    /// The error in `lang`.
    pub(crate) fn say(&self, lang: Lang) -> String {
        match self {
            LoadError::NoAccount => Audit::NoAccount.text(lang).to_string(),
            LoadError::File(e) => e.clone(),
        }
    }
}

/// Loads the account the arguments name (an import's warnings led by `warning` in `lang`),
/// with a scenario's other accounts beside it (none for an import).
pub(crate) fn load_accounts(
    scenario: Option<&PathBuf>,
    gaad: Option<&PathBuf>,
    report: Option<&PathBuf>,
    policy: Option<&PathBuf>,
    lang: Lang,
) -> Result<(Account, BTreeMap<String, Account>), LoadError> {
    if let Some(p) = scenario {
        return crate::cli::load_scenario(p, lang)
            .map(|s| (s.sandbox.account, s.sandbox.accounts))
            .map_err(LoadError::File);
    }
    if let Some(g) = gaad {
        return crate::cli::load_gaad(g, report, policy, lang)
            .map(|a| (a, BTreeMap::new()))
            .map_err(LoadError::File);
    }
    Err(LoadError::NoAccount)
}

/// Runs the command, writing to `out`; returns the exit status.
pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let lang = super::lang_or_locale(args.lang);
    let mut ticker = Ticker::on_stderr();
    if let Some(file) = args.gaad.as_ref().or(args.scenario.as_ref()) {
        ticker.say(&Audit::ProgressReading.fill(lang, &[("file", &file.display())]));
    }
    let (account, others) = match load_accounts(
        args.scenario.as_ref(),
        args.gaad.as_ref(),
        args.credential_report.as_ref(),
        args.password_policy.as_ref(),
        lang,
    ) {
        Ok(a) => a,
        Err(e) => {
            ticker.done();
            eprintln!("iamdojo audit: {}", e.say(lang));
            return Ok(2);
        }
    };
    let now = match &args.now {
        Some(t) => match crate::policy::condition::parse_date(t) {
            Some(t) => t,
            None => {
                ticker.done();
                eprintln!(
                    "iamdojo audit: {}",
                    Audit::NotATime.fill(lang, &[("time", t)])
                );
                return Ok(2);
            }
        },
        // A scenario carries its own clock; an imported real account is measured from now.
        None if args.scenario.is_some() => account.now,
        None => jiff::Timestamp::now(),
    };
    let (mut account, mut others) = (account, others);
    // Scripted events of a scenario happen when their time comes: auditing at a later time
    // sees what they did.
    if let Some(p) = &args.scenario
        && now > account.now
        && let Ok(s) = crate::cli::load_scenario(p, lang)
    {
        let mut sb = s.sandbox;
        sb.advance_to(now);
        account = sb.account;
        others = sb.accounts;
    }
    let findings = audit_across_telling(&account, &others, now, &mut |stage| {
        ticker.say(&match stage {
            Stage::Preparing => Audit::ProgressPreparing.text(lang).to_string(),
            Stage::Control { n, total, id } => {
                Audit::ProgressControl.fill(lang, &[("control", &id), ("n", &n), ("total", &total)])
            }
        });
    });
    ticker.done();
    let skipped = crate::audit::controls::not_evaluated(&account);
    let text = match args.format {
        Format::Table => {
            let source = match (&args.scenario, &args.gaad) {
                (Some(f), _) => format!("--scenario {}", shell_word(&f.display().to_string())),
                (_, Some(f)) => format!("--gaad {}", shell_word(&f.display().to_string())),
                _ => String::new(),
            };
            table(&findings, lang, &source) + &not_evaluated_table(&skipped, lang)
        }
        Format::Json => {
            // Written as it is serialized: a large account's findings are not copied into a
            // JSON tree and a string first.
            let report = JsonReport {
                findings: &findings,
                not_evaluated: &skipped,
            };
            let mut w = io::BufWriter::new(&mut *out);
            serde_json::to_writer_pretty(&mut w, &report).map_err(io::Error::other)?;
            w.write_all(b"\n")?;
            w.flush()?;
            String::new()
        }
        Format::Sarif => sarif(&findings),
    };
    out.write_all(text.as_bytes())?;
    Ok(u8::from(!findings.is_empty()))
}

/// The controls the input could not answer, grouped by what to add.
fn not_evaluated_table(skipped: &[crate::audit::controls::NotEvaluated], lang: Lang) -> String {
    use crate::audit::controls::Needs;
    let mut out = String::new();
    for need in Needs::UNMET {
        let ids: Vec<&str> = skipped
            .iter()
            .filter(|s| s.needs == need)
            .map(|s| s.control.as_str())
            .collect();
        let Some(remedy) = need.remedy() else {
            continue;
        };
        if !ids.is_empty() {
            out.push('\n');
            out.push_str(&Audit::NotChecked.fill(
                lang,
                &[
                    ("need", &remedy.text(lang)),
                    ("ids", &ids.join(Audit::SepComma.text(lang))),
                ],
            ));
            out.push('\n');
        }
    }
    out
}

/// `w` as one word of a shell command line: quoted when it holds anything but letters,
/// digits and `/._-+=:,@`, and made printable.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", crate::printable::inline(&w.replace('\'', "'\\''")))
    }
}

/// How many findings of a severity, as the summary line counts them.
fn count(severity: Severity, n: usize, lang: Lang) -> String {
    let msg = match severity {
        Severity::Critical => Audit::CountCritical,
        Severity::High => Audit::CountHigh,
        Severity::Medium => Audit::CountMedium,
        Severity::Low => Audit::CountLow,
        Severity::Informational => Audit::CountInformational,
    };
    msg.fill(lang, &[("n", &n)])
}

/// The to-do list: one numbered item per control, most severe first; a control that fails on
/// many resources is one item that lists them (the JSON output keeps one finding each). The
/// severity labels are Security Hub's values in every language, as in the JSON output.
/// `source` is how `iamdojo sandbox` is told the same account (`--scenario FILE`), for the
/// line that says how to replay an escalation path.
pub fn table(findings: &[Finding], lang: Lang, source: &str) -> String {
    if findings.is_empty() {
        return format!("{}\n", Audit::NoFindings.text(lang));
    }
    let mut s = String::new();
    let mut counts = std::collections::BTreeMap::new();
    for f in findings {
        *counts.entry(std::cmp::Reverse(f.severity)).or_insert(0) += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(k, n)| count(k.0, *n, lang)).collect();
    // Group by control, keeping the first appearance's place (findings come sorted).
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for f in findings {
        match groups
            .iter_mut()
            .find(|g| g.first().is_some_and(|first| first.control == f.control))
        {
            Some(g) => g.push(f),
            None => groups.push(vec![f]),
        }
    }
    s.push_str(&Audit::Summary.fill(
        lang,
        &[
            ("n", &findings.len()),
            ("counts", &summary.join(Audit::SepComma.text(lang))),
            ("items", &groups.len()),
        ],
    ));
    s.push_str("\n\n");
    // The labels of an item's lines, padded to one column in display cells.
    let labels = [
        Audit::LabelResource,
        Audit::LabelEvidence,
        Audit::LabelWalk,
        Audit::LabelFix,
        Audit::LabelMore,
    ];
    let column = labels
        .iter()
        .map(|l| crate::text::width(l.text(lang)))
        .max()
        .unwrap_or(0);
    let label = |l: Audit| format!("     {} ", crate::text::pad(l.text(lang), column));
    let under = " ".repeat(5 + column + 1);
    const SHOWN: usize = 3;
    for (i, g) in groups.iter().enumerate() {
        // Every group holds at least the finding that opened it.
        let Some(&f) = g.first() else {
            continue;
        };
        let cis = f.cis.as_ref().map(|c| format!(", {c}")).unwrap_or_default();
        let many = if g.len() > 1 {
            Audit::ManyResources.fill(lang, &[("n", &g.len())])
        } else {
            String::new()
        };
        s.push_str(&format!(
            "{:>3}. [{}] {} ({}{cis}){many}\n",
            i + 1,
            f.severity.as_str(),
            f.title.text(lang),
            f.control
        ));
        // One fix for the item when every resource's is the same; else each its own.
        let same = g.iter().all(|x| x.fix == f.fix);
        let fixes = |s: &mut String, x: &Finding| {
            for (j, cmd) in x.fix.iter().enumerate() {
                let lead = if j == 0 {
                    label(Audit::LabelFix)
                } else {
                    under.clone()
                };
                s.push_str(&format!("{lead}{}\n", cmd.render(lang)));
            }
        };
        for x in g.iter().take(SHOWN) {
            s.push_str(&format!("{}{}\n", label(Audit::LabelResource), x.resource));
            s.push_str(&format!(
                "{}{}\n",
                label(Audit::LabelEvidence),
                x.evidence.render(lang)
            ));
            if let Some(w) = &x.walk {
                for (j, cmd) in w.commands.iter().enumerate() {
                    let lead = if j == 0 {
                        label(Audit::LabelWalk)
                    } else {
                        under.clone()
                    };
                    s.push_str(&format!("{lead}{cmd}\n"));
                }
                s.push_str(&format!(
                    "{under}{}\n",
                    Audit::ReplayIt.fill(lang, &[("id", &w.id), ("source", &source)])
                ));
            }
            if !same {
                fixes(&mut s, x);
            }
        }
        if g.len() > SHOWN {
            s.push_str(&format!(
                "     {}\n",
                Audit::AndMore.fill(lang, &[("n", &(g.len() - SHOWN))])
            ));
        }
        if same {
            fixes(&mut s, f);
            if g.len() > 1 {
                s.push_str(&format!("{under}{}\n", Audit::SameForEach.text(lang)));
            }
        }
        s.push_str(&format!(
            "{}{}\n\n",
            label(Audit::LabelMore),
            lang.aws_doc(f.learn_more)
        ));
    }
    s
}

/// SARIF 2.1.0, worded in English (code-scanning tools show one text per result).
pub fn sarif(findings: &[Finding]) -> String {
    let en = Lang::En;
    let mut rules: Vec<serde_json::Value> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for f in findings {
        if seen.insert(f.control) {
            rules.push(json!({"id": f.control, "shortDescription": {"text": f.title.text(en)}, "helpUri": f.learn_more}));
        }
    }
    let level = |f: &Finding| match f.severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        _ => "note",
    };
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let fixes: Vec<String> = f.fix.iter().map(|x| x.render(en)).collect();
            json!({"ruleId": f.control, "level": level(f), "message": {"text": format!("{}: {}", f.title.text(en), f.evidence.render(en))}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.resource}}}], "fixes": [{"description": {"text": fixes.join("\n")}}]})
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "iamdojo", "version": env!("CARGO_PKG_VERSION"), "rules": rules}}, "results": results}]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
