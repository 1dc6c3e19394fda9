//! `aws configure`: `list`, `get`, `set`, the interactive form fed from the line, and the
//! sandbox's own `use PROFILE`.

use super::{Creds, Output, Profile, Sandbox};
use crate::msg::Message;
use crate::msg::sandbox::Sandbox as Say;
use crate::suggest::nearest;

impl Sandbox {
    /// Runs `aws configure …` (`words` after `configure`) for `profile`; `named` when the
    /// line chose a profile other than the default one.
    pub(super) fn configure(
        &mut self,
        words: &[String],
        profile: &str,
        named: bool,
    ) -> Result<Output, String> {
        let lang = self.lang;
        if words.first().map(String::as_str) == Some("get") {
            // `aws configure get NAME` prints the value, or nothing with exit status 1.
            let Some(name) = words.get(1) else {
                return Err(Say::ConfigureUsage.text(lang).into());
            };
            let (prof, key) = match name
                .strip_prefix("profile.")
                .and_then(|r| r.split_once('.'))
            {
                Some((p, k)) => (p.to_string(), k),
                None => (profile.to_string(), name.as_str()),
            };
            let entry = self.profiles.get(&prof);
            let value = entry.and_then(|e| match (key, &e.creds) {
                ("aws_access_key_id", Some(Creds::Keys { access_key_id, .. })) => {
                    Some(access_key_id.clone())
                }
                ("aws_secret_access_key", Some(Creds::Keys { secret, .. })) => Some(secret.clone()),
                ("aws_session_token", Some(Creds::Keys { session_token, .. })) => {
                    session_token.clone()
                }
                ("region", _) => e.region.clone(),
                _ => None,
            });
            return Ok(match value {
                Some(v) if !v.is_empty() => Output {
                    stdout: format!("{v}\n"),
                    ..Output::default()
                },
                _ => Output {
                    code: 1,
                    ..Output::default()
                },
            });
        }
        let entry = self.profiles.entry(profile.to_string()).or_insert(Profile {
            creds: None,
            region: None,
        });
        match words.first().map(String::as_str) {
            Some("set") => {
                let (key, value) = match (words.get(1), words.get(2)) {
                    (Some(k), Some(v)) => (k.as_str(), v.clone()),
                    _ => return Err(Say::ConfigureSetUsage.text(lang).into()),
                };
                let key = key
                    .strip_prefix(&format!("profile.{profile}."))
                    .unwrap_or(key);
                let (id, secret, token) = match &entry.creds {
                    Some(Creds::Keys {
                        access_key_id,
                        secret,
                        session_token,
                    }) => (access_key_id.clone(), secret.clone(), session_token.clone()),
                    _ => (String::new(), String::new(), None),
                };
                // Each setting is a line of its own, as in the CLI's credentials file: a
                // new key pair keeps a token set before (and fails with it, as at work).
                match key {
                    "aws_session_token" => {
                        entry.creds = Some(Creds::Keys {
                            access_key_id: id,
                            secret,
                            session_token: (!value.is_empty()).then_some(value),
                        })
                    }
                    "aws_access_key_id" => {
                        entry.creds = Some(Creds::Keys {
                            access_key_id: value,
                            secret,
                            session_token: token,
                        })
                    }
                    "aws_secret_access_key" => {
                        entry.creds = Some(Creds::Keys {
                            access_key_id: id,
                            secret: value,
                            session_token: token,
                        })
                    }
                    "region" => entry.region = Some(value),
                    other => {
                        let known = [
                            "aws_access_key_id",
                            "aws_secret_access_key",
                            "aws_session_token",
                            "region",
                        ];
                        let hint = nearest(other, known)
                            .map(|k| Say::DidYouMean.fill(lang, &[("name", &k)]))
                            .unwrap_or_default();
                        return Err(Say::ConfigureUnknownSetting
                            .fill(lang, &[("name", &other), ("hint", &hint)]));
                    }
                }
                Ok(Output::default())
            }
            Some("list") => {
                // As `aws configure list` prints it: `%10s %24s %16s    %s` per row, keys
                // masked but for their last four characters.
                let row = |name: &str, value: &str, kind: &str, location: &str| {
                    format!("{name:>10} {value:>24} {kind:>16}    {location}\n")
                };
                let mask = |v: &str| {
                    let n = v.chars().count();
                    let tail: String = v.chars().skip(n.saturating_sub(4)).collect();
                    format!("{}{tail}", "*".repeat(16))
                };
                let mut out = row("Name", "Value", "Type", "Location");
                out.push_str(&row("----", "-----", "----", "--------"));
                out.push_str(&if named {
                    row("profile", profile, "manual", "--profile")
                } else {
                    row("profile", "<not set>", "None", "None")
                });
                match &entry.creds {
                    Some(Creds::Keys {
                        access_key_id,
                        secret,
                        ..
                    }) => {
                        let method = "shared-credentials-file";
                        for (name, v) in [("access_key", access_key_id), ("secret_key", secret)] {
                            out.push_str(&if v.is_empty() {
                                row(name, "<not set>", "None", "None")
                            } else {
                                row(name, &mask(v), method, "")
                            });
                        }
                    }
                    Some(Creds::RootConsole | Creds::RootOf(_)) => {
                        // The sandbox's own starting identity, not a key pair.
                        out.push_str(&row("access_key", "(root user, console)", "sandbox", ""));
                        out.push_str(&row("secret_key", "(root user, console)", "sandbox", ""));
                    }
                    None => {
                        out.push_str(&row("access_key", "<not set>", "None", "None"));
                        out.push_str(&row("secret_key", "<not set>", "None", "None"));
                    }
                }
                out.push_str(&match &entry.region {
                    Some(r) => row("region", r, "config-file", "~/.aws/config"),
                    None => row("region", "<not set>", "None", "None"),
                });
                Ok(Output {
                    stdout: out,
                    ..Output::default()
                })
            }
            Some("list-profiles") => Ok(Output {
                stdout: self.profiles.keys().map(|k| format!("{k}\n")).collect(),
                ..Output::default()
            }),
            Some("use") => {
                // Our addition: switch the default profile for the rest of the session.
                let name = words.get(1).cloned().unwrap_or_else(|| profile.to_string());
                if !self.profiles.contains_key(&name) {
                    return Err(Say::ConfigureNoProfile.fill(lang, &[("name", &name)]));
                }
                self.profile = name;
                Ok(Output::default())
            }
            _ => Err(Say::ConfigureUsage.text(lang).into()),
        }
    }
}
