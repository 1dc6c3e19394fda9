//! The sandbox's shell: what it reads before the AWS CLI sees a line (variables, `$(…)`,
//! `read … <<<`, pipes through the text tools of `pipe`), its own commands (`help`, `wait`,
//! `date`, `inbox`, `ls`, `cat`, `curl` to the metadata service, `explain`), its bounds, and
//! completion.

use super::{Output, Sandbox, commands, flags_of, help_text, pipe, shell_error};
use crate::account::output::{Style, render};
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;
use crate::printable;
use crate::suggest::nearest;

/// The longest command line the sandbox reads, in bytes (before and after expansion).
pub const MAX_LINE: usize = 64 * 1024;
/// The largest value a shell variable holds, in bytes.
pub const MAX_VALUE: usize = 32 * 1024;
/// The most all shell variables hold together, in bytes.
pub const MAX_VARIABLES: usize = 1024 * 1024;
/// How deep `$(…)` may nest.
pub const MAX_NESTING: usize = 4;

impl Sandbox {
    /// Runs one command line. Besides AWS CLI commands it understands the two bits of shell
    /// that real workflows lean on: `NAME=$(aws … --query … --output text)` stores a command's
    /// output, and `$NAME` (or `${NAME}`) uses it. Lines, variables, `$(…)` nesting and
    /// `--query` are bounded ([`MAX_LINE`], [`MAX_VALUE`], [`MAX_VARIABLES`], [`MAX_NESTING`],
    /// [`MAX_QUERY`]), so no pasted line can exhaust memory or the stack.
    pub fn run(&mut self, line: &str) -> Output {
        self.run_nested(line, 0)
    }

    /// [`Sandbox::run`] for a line `depth` command substitutions deep.
    fn run_nested(&mut self, line: &str, depth: usize) -> Output {
        let line = line.trim();
        if line.len() > MAX_LINE {
            return shell_error(
                Say::LineTooLong.fill(self.lang, &[("len", &line.len()), ("max", &MAX_LINE)]),
            );
        }
        match pipe::split(line) {
            None => return shell_error(Say::NoOrList.text(self.lang).to_string()),
            Some(parts) if parts.len() > 1 => return self.pipeline(&parts, depth),
            Some(_) => {}
        }
        // Variables and `$(…)` are expanded in one pass from left to right, and what they
        // expand to is not read again, as a shell does: output holding `$(…)` stays text.
        let line = match self.expand(line, depth) {
            Ok(l) => l,
            Err(out) => return out,
        };
        if let Some((name, value)) = assignment(&line) {
            let value = value.trim_matches('"');
            return match self.set_var(name, value) {
                Ok(()) => Output::default(),
                Err(out) => out,
            };
        }
        // `read -r ID SECRET <<< "$(aws … --output text)"`: the words of a here-string into
        // variables, the last one taking the rest, as bash does (how a script keeps both
        // halves of a new access key from one call).
        if let Some(words) = shlex::split(&line)
            && words.first().map(String::as_str) == Some("read")
            && let Some(here) = words.iter().position(|w| w == "<<<")
        {
            let names: Vec<&String> = words
                .get(1..here)
                .unwrap_or_default()
                .iter()
                .filter(|w| !w.starts_with('-'))
                .collect();
            let text = words.get(here + 1..).unwrap_or_default().join(" ");
            let mut rest = text.trim_start();
            for (i, name) in names.iter().enumerate() {
                if !valid_var_name(name) {
                    return shell_error(format!("read: `{name}': not a valid identifier"));
                }
                let value = if i + 1 == names.len() {
                    std::mem::take(&mut rest).trim_end()
                } else {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let (word, after) = rest.split_at(end);
                    rest = after.trim_start();
                    word
                };
                if let Err(out) = self.set_var(name, value) {
                    return out;
                }
            }
            return Output::default();
        }
        if let Some(out) = self.builtin(&line) {
            return out;
        }
        match self.run_inner(&line) {
            Ok(out) => out,
            Err(out) => out,
        }
    }

    /// `command | tool | …`: the command's output through the sandbox's text tools
    /// ([`pipe`]), as a shell pipes it. What the command writes to standard error stays on
    /// the screen, and the line's exit status is the last tool's (bash without `pipefail`).
    fn pipeline(&mut self, parts: &[&str], depth: usize) -> Output {
        let Some((first, tools)) = parts.split_first() else {
            return Output::default();
        };
        let mut out = self.run_nested(first, depth);
        for tool in tools {
            let line = match self.expand(tool, depth) {
                Ok(l) => l,
                Err(e) => return e,
            };
            let Some(words) = shlex::split(&line) else {
                return shell_error(Say::UnclosedQuote.text(self.lang).to_string());
            };
            match pipe::run(&words, &out.stdout) {
                Ok((text, code)) => {
                    out.stdout = text;
                    out.code = code;
                }
                Err(pipe::Refused::Unknown(name)) => {
                    out.stdout.clear();
                    out.stderr.push_str(&format!(
                        "sandbox: {}\n",
                        Say::ToolNotFound.fill(
                            self.lang,
                            &[
                                ("tool", &printable::inline(&name)),
                                (
                                    "tools",
                                    &pipe::TOOLS.join(Say::ConsoleHelpSep.text(self.lang))
                                ),
                            ]
                        )
                    ));
                    out.code = 127;
                    return out;
                }
                Err(pipe::Refused::Tool(message)) => {
                    out.stdout.clear();
                    out.stderr
                        .push_str(&format!("{}\n", printable::inline(&message)));
                    out.code = 1;
                    return out;
                }
            }
        }
        out
    }

    /// Sets the shell variable `name`, within the sandbox's bounds on one value and on all.
    fn set_var(&mut self, name: &str, value: &str) -> Result<(), Output> {
        let others: usize = self
            .vars
            .iter()
            .filter(|(n, _)| n.as_str() != name)
            .map(|(n, v)| n.len() + v.len())
            .sum();
        if value.len() > MAX_VALUE {
            return Err(shell_error(Say::ValueTooLong.fill(
                self.lang,
                &[("name", &name), ("len", &value.len()), ("max", &MAX_VALUE)],
            )));
        }
        if others + name.len() + value.len() > MAX_VARIABLES {
            return Err(shell_error(
                Say::VariablesTooLarge.fill(self.lang, &[("name", &name), ("max", &MAX_VARIABLES)]),
            ));
        }
        self.vars.insert(name.to_string(), value.to_string());
        Ok(())
    }

    /// The sandbox's own commands, beside the AWS CLI: `help` lists the commands,
    /// `wait 6h` lets simulated time pass,
    /// `date` shows it, `inbox` shows the e-mails AWS sent (budgets, alarms), `ls` and
    /// `cat NAME` show the files that `file://NAME` reads, and
    /// `curl http://169.254.169.254/latest/meta-data/iam/security-credentials/[ROLE] --instance ID`
    /// asks the metadata service as a program on that instance would.
    fn builtin(&mut self, line: &str) -> Option<Output> {
        let words = shlex::split(line)?;
        let ok = |s: String| Output {
            stdout: s,
            ..Output::default()
        };
        let fail = |s: String| Output {
            stderr: format!("{s}\n"),
            code: 1,
            ..Output::default()
        };
        let lang = self.lang;
        match words.first().map(String::as_str)? {
            "wait" => Some(match words.get(1).and_then(|d| parse_duration(d)) {
                Some(d) => {
                    let until = self.account.now.checked_add(d).unwrap_or(self.account.now);
                    self.advance_to(until);
                    let time = self.account.now.strftime("%Y-%m-%d %H:%M:%S UTC");
                    ok(format!("{}\n", Say::TimeNow.fill(lang, &[("time", &time)])))
                }
                None => fail(Say::WaitUsage.text(lang).into()),
            }),
            "explain" => Some(match (&self.last_refusal, &self.last_denial) {
                (Some(r), _) => ok(format!(
                    "{}\n",
                    Say::PolicyRefused.fill(lang, &[("error", &r.said().render(lang))])
                )),
                (None, Some(x)) => ok(x.render(lang)),
                (None, None) => ok(format!("{}\n", Say::NothingDenied.text(lang))),
            }),
            // The files that `file://NAME` can read: `ls` lists them, `cat NAME` prints one.
            "ls" => Some(ok(if self.files.is_empty() {
                format!("{}\n", Say::NoFiles.text(lang))
            } else {
                self.files.keys().map(|k| format!("{k}\n")).collect()
            })),
            "cat" => Some(match words.get(1) {
                None => fail(Say::CatUsage.text(lang).into()),
                Some(name) => {
                    let name = name.strip_prefix("file://").unwrap_or(name);
                    match self.files.get(name) {
                        Some(text) if text.ends_with('\n') => ok(text.clone()),
                        Some(text) => ok(format!("{text}\n")),
                        None => fail(format!(
                            "cat: {}",
                            match nearest(name, self.files.keys().map(String::as_str)) {
                                Some(n) => Say::CatNoSuchFileNear
                                    .fill(lang, &[("name", &name), ("nearest", &n)]),
                                None => Say::CatNoSuchFile.fill(lang, &[("name", &name)]),
                            }
                        )),
                    }
                }
            }),
            "help" => Some(ok(help_text(lang))),
            "date" => Some(ok(format!(
                "{}\n",
                self.account.now.strftime("%Y-%m-%d %H:%M:%S UTC")
            ))),
            "inbox" => Some(ok(if self.account.billing.inbox.is_empty() {
                format!("{}\n", Say::NoMessages.text(lang))
            } else {
                self.account
                    .billing
                    .inbox
                    .iter()
                    .map(|m| {
                        Say::InboxMessage.fill(
                            lang,
                            &[
                                ("time", &m.time.strftime("%Y-%m-%d %H:%M")),
                                ("subject", &m.subject),
                                ("from", &m.from),
                                ("body", &m.body),
                            ],
                        )
                    })
                    .collect()
            })),
            "curl" => Some(self.curl(words.get(1..).unwrap_or_default())),
            "github-oidc-token" => Some(self.github_oidc_token(words.get(1..).unwrap_or_default())),
            _ => None,
        }
    }

    /// `github-oidc-token --repository OWNER/REPO [--ref REF] [--audience AUD] [--out NAME]`:
    /// the ID token GitHub Actions gives a workflow of that repository, written to the file
    /// `NAME` (`gh-token` by default) for `--web-identity-token file://NAME`. GitHub signs a
    /// token for every workflow that asks, an attacker's own too, but only with the
    /// repository the workflow runs in: when the scenario names the repositories the learner
    /// runs workflows in ([`Sandbox::github_repositories`]), it signs for those alone.
    fn github_oidc_token(&mut self, args: &[String]) -> Output {
        use crate::account::oidc;
        let lang = self.lang;
        let (mut repo, mut git_ref, mut aud, mut file) = (
            None,
            "refs/heads/main".to_string(),
            oidc::STS_AUDIENCE.to_string(),
            "gh-token".to_string(),
        );
        let mut it = args.iter();
        let mut bad = false;
        while let Some(w) = it.next() {
            match (w.as_str(), it.next().cloned()) {
                ("--repository", Some(v)) => repo = Some(v),
                ("--ref", Some(v)) => git_ref = v,
                ("--audience", Some(v)) => aud = v,
                ("--out", Some(v)) => file = v,
                _ => bad = true,
            }
        }
        if bad {
            repo = None;
        }
        let valid = |s: &str| {
            !s.is_empty()
                && s.len() <= 200
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        };
        let Some(repo) = repo.filter(|r| oidc::valid_repository(r)) else {
            return Output {
                stderr: format!("{}\n", Say::GithubTokenUsage.text(lang)),
                code: 2,
                ..Output::default()
            };
        };
        if !valid(&git_ref) || !valid(&file) || aud.is_empty() || aud.len() > 200 {
            return Output {
                stderr: format!("{}\n", Say::GithubTokenUsage.text(lang)),
                code: 2,
                ..Output::default()
            };
        }
        // GitHub signs a workflow's token with the repository it runs in and no other, so the
        // learner gets tokens of the repositories the scenario says they run workflows in
        // (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
        if !self.github_repositories.is_empty() && !self.github_repositories.contains(&repo) {
            return Output {
                stderr: format!(
                    "{}\n",
                    Say::GithubTokenNotYours.fill(
                        lang,
                        &[
                            ("repos", &self.github_repositories.join(", ")),
                            ("repo", &repo)
                        ]
                    )
                ),
                code: 1,
                ..Output::default()
            };
        }
        let claims = oidc::github_claims(&repo, &git_ref, &aud, self.account.now);
        let sub = format!("repo:{repo}:ref:{git_ref}");
        self.files.insert(file.clone(), oidc::mint(&claims));
        Output {
            stdout: format!(
                "{}\n",
                Say::GithubTokenWritten
                    .fill(lang, &[("file", &file), ("sub", &sub), ("aud", &aud)])
            ),
            ..Output::default()
        }
    }

    /// `curl` to the instance metadata service, as a program on the instance given by
    /// `--instance ID` would: `-X`/`--request` sets the method, `-H`/`--header` adds a header,
    /// `-f`/`--fail` turns an HTTP error into curl's exit status 22 (other flags such as `-s`
    /// change nothing here). Only `http://169.254.169.254/…` answers.
    fn curl(&mut self, args: &[String]) -> Output {
        use crate::account::ec2::imds::{self, Reply, WebAppFetch};
        let lang = self.lang;
        let (mut method, mut headers, mut fail, mut url, mut inst) =
            ("GET".to_string(), Vec::new(), false, None, None);
        let mut it = args.iter();
        while let Some(w) = it.next() {
            match w.as_str() {
                "-X" | "--request" => method = it.next().cloned().unwrap_or_default(),
                "-H" | "--header" => {
                    if let Some((n, v)) = it.next().and_then(|h| h.split_once(':')) {
                        headers.push((n.trim().to_string(), v.trim().to_string()));
                    }
                }
                "--instance" => inst = it.next().cloned(),
                "--fail" => fail = true,
                f if f.starts_with('-') && !f.starts_with("--") => fail |= f.contains('f'),
                u if u.starts_with("http") => url = Some(u.to_string()),
                _ => {}
            }
        }
        let out = |s: String, code: i32| Output {
            stdout: if code == 0 { s.clone() } else { String::new() },
            stderr: if code == 0 { String::new() } else { s },
            code,
        };
        let url = url.unwrap_or_default();
        // A scenario's web application that fetches any URL: the request it makes is a GET
        // from its instance, with none of the caller's headers (server-side request forgery).
        let via_app = imds::web_app_fetch(&self.account, &url);
        let (inst, path) = match (&via_app, url.strip_prefix("http://169.254.169.254")) {
            (None, Some(path)) => match inst {
                Some(i) => (i, path.to_string()),
                None => return out(format!("curl: {}\n", Say::CurlWhichInstance.text(lang)), 1),
            },
            (Some(WebAppFetch { target: None, .. }), _) => {
                return out(format!("curl: {}\n", Say::WebAppNoUrl.text(lang)), 22);
            }
            (Some(app), _) => {
                let Some(path) = app
                    .target
                    .as_deref()
                    .and_then(|t| t.strip_prefix("http://169.254.169.254"))
                else {
                    return out(
                        format!("curl: {}\n", Say::WebAppOnlyMetadata.text(lang)),
                        22,
                    );
                };
                method = "GET".into();
                headers.clear();
                (app.instance.clone(), path.to_string())
            }
            (None, None) => {
                return out(format!("curl: {}\n", Say::CurlOnlyMetadata.text(lang)), 7);
            }
        };
        let request = imds::Request {
            method: &method.to_ascii_uppercase(),
            path: &path,
            headers: &headers,
        };
        match imds::serve(&mut self.account, &inst, &request) {
            Reply::Text(s) => out(format!("{s}\n"), 0),
            Reply::Json(v) => out(render(&v, Style::JSON), 0),
            Reply::Status(code) if fail => out(
                format!("curl: (22) The requested URL returned error: {code}\n"),
                22,
            ),
            Reply::Status(code) => {
                let hint = match code {
                    401 if via_app.is_some() => Say::WebApp401.text(lang),
                    401 => Say::Imds401.text(lang),
                    403 => Say::Imds403.text(lang),
                    400 => Say::Imds400.text(lang),
                    _ => "",
                };
                Output {
                    stdout: imds::status_page(code),
                    stderr: if hint.is_empty() {
                        String::new()
                    } else {
                        format!("curl: {hint}\n")
                    },
                    code: 0,
                }
            }
            Reply::Sandbox(e) => out(format!("curl: {}\n", e.text(lang)), 1),
        }
    }

    /// Expands `$(…)`, `$NAME` and `${NAME}` in one pass from left to right, as a shell does:
    /// nothing inside single quotes, and what an expansion gives is never expanded again. An
    /// unknown `$NAME` stays as typed. `depth` is how many substitutions deep this line is.
    fn expand(&mut self, line: &str, depth: usize) -> Result<String, Output> {
        if !line.contains('$') {
            return Ok(line.to_string());
        }
        let mut out = String::with_capacity(line.len());
        let mut single = false;
        let mut double = false;
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            let after = rest.get(c.len_utf8()..).unwrap_or("");
            match c {
                '\'' if !double => single = !single,
                '"' if !single => double = !double,
                '$' if !single => {
                    if let Some(body) = after.strip_prefix('(') {
                        let Some(len) = closing_paren(body) else {
                            return Err(shell_error(
                                Say::SubstitutionUnclosed.text(self.lang).into(),
                            ));
                        };
                        if depth >= MAX_NESTING {
                            return Err(shell_error(
                                Say::SubstitutionTooDeep.fill(self.lang, &[("max", &MAX_NESTING)]),
                            ));
                        }
                        let inner = body.get(..len).unwrap_or("");
                        let result = self.run_nested(inner, depth + 1);
                        if result.code != 0 {
                            return Err(result);
                        }
                        out.push_str(result.stdout.trim());
                        rest = body.get(len + 1..).unwrap_or("");
                    } else if let Some(body) = after.strip_prefix('{')
                        && let Some(end) = body.find('}')
                        && let Some(v) = body.get(..end).and_then(|n| self.vars.get(n))
                    {
                        out.push_str(v);
                        rest = body.get(end + 1..).unwrap_or("");
                    } else {
                        let len = after
                            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .unwrap_or(after.len());
                        match after.get(..len).and_then(|n| self.vars.get(n)) {
                            Some(v) => {
                                out.push_str(v);
                                rest = after.get(len..).unwrap_or("");
                            }
                            None => {
                                out.push('$');
                                rest = after;
                            }
                        }
                    }
                    if out.len() > MAX_LINE {
                        return Err(shell_error(
                            Say::ExpandedTooLong.fill(self.lang, &[("max", &MAX_LINE)]),
                        ));
                    }
                    continue;
                }
                _ => {}
            }
            out.push(c);
            rest = after;
        }
        Ok(out)
    }

    /// Completion candidates for the word being typed at the end of `line`.
    pub fn complete(&self, line: &str) -> Vec<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let ends_with_space = line.ends_with(' ');
        let (done, partial): (&[&str], &str) = match words.split_last() {
            Some((last, rest)) if !ends_with_space => (rest, last),
            _ => (&words[..], ""),
        };
        // `cat NAME`: the prepared files.
        if done.first() == Some(&"cat") {
            let mut v: Vec<String> = self
                .files
                .keys()
                .filter(|k| k.starts_with(partial))
                .cloned()
                .collect();
            v.sort();
            return v;
        }
        let done: Vec<&str> = done.iter().copied().filter(|w| *w != "aws").collect();
        let table = commands();
        let mut cands: Vec<String> = match done.as_slice() {
            [] => {
                let mut s: Vec<String> = table.iter().map(|c| c.service.to_string()).collect();
                s.push("configure".into());
                s
            }
            [svc] => table
                .iter()
                .filter(|c| c.service == *svc)
                .map(|c| c.name.to_string())
                .collect(),
            [svc, cmd, ..] => {
                let last = done.last().copied().unwrap_or("");
                if partial.starts_with("--") || partial.is_empty() && !last.starts_with("--") {
                    table
                        .iter()
                        .find(|c| c.service == *svc && c.name == *cmd)
                        .map(flags_of)
                        .unwrap_or_default()
                } else {
                    self.entity_names(last)
                }
            }
        };
        cands.sort();
        cands.dedup();
        cands.retain(|c| c.starts_with(partial));
        cands
    }

    fn entity_names(&self, flag: &str) -> Vec<String> {
        let a = &self.account;
        match flag {
            "--user-name" => a.users.keys().cloned().collect(),
            "--group-name" => a.groups.keys().cloned().collect(),
            "--role-name" => a.roles.keys().cloned().collect(),
            "--policy-arn" | "--permissions-boundary" => {
                let mut v: Vec<String> = a.policies.keys().cloned().collect();
                v.extend(
                    crate::account::managed::bundled()
                        .filter_map(|(n, _)| crate::account::managed::arn_of(n)),
                );
                v
            }
            "--bucket" => a.buckets.keys().cloned().collect(),
            "--function-name" => a.functions.keys().cloned().collect(),
            "--role" => a.roles.values().map(|r| r.arn.clone()).collect(),
            // A function's code is a prepared file, read as `fileb://NAME`.
            "--zip-file" => self.files.keys().map(|k| format!("fileb://{k}")).collect(),
            // A document flag takes `file://NAME` of a prepared file.
            f if f.ends_with("-document") || f == "--cli-input-json" => {
                self.files.keys().map(|k| format!("file://{k}")).collect()
            }
            "--access-key-id" => a
                .users
                .values()
                .flat_map(|u| u.access_keys.iter().map(|k| k.id.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Reads `30s`, `15m`, `6h`, `2d`.
pub fn parse_duration(s: &str) -> Option<jiff::SignedDuration> {
    // Parts such as `3h5m` add up; each is a number and one of s, m, h, d.
    let mut total: i64 = 0;
    let mut rest = s.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let cut = rest.find(|c: char| !c.is_ascii_digit())?;
        let (digits, tail) = rest.split_at_checked(cut)?;
        let n: i64 = digits.parse().ok()?;
        let unit = tail.chars().next()?;
        total = total.checked_add(n.checked_mul(match unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        })?)?;
        rest = tail.get(unit.len_utf8()..)?;
    }
    Some(jiff::SignedDuration::from_secs(total))
}

/// `NAME=value` → (`NAME`, `value`), after command substitution.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once('=')?;
    valid_var_name(name).then_some((name, value))
}

/// A shell variable's name: letters, digits and `_`, not starting with a digit.
fn valid_var_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// The length of `$(…)`'s body up to its closing parenthesis (nested parentheses and quoted
/// text skipped), or `None` when it has none.
fn closing_paren(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => return Some(i),
            (None, ')') => depth -= 1,
            _ => {}
        }
    }
    None
}
