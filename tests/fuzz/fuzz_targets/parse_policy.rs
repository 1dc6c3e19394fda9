//! Feeds arbitrary bytes to the policy parser under every policy type, then evaluates a fixed
//! request against whatever parsed: neither may panic.
#![no_main]

use std::sync::Arc;

use iamdojo::eval::{Context, PolicySet, Principal, Request, SourceType, SourcedPolicy, evaluate};
use iamdojo::policy::{Policy, PolicyType};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for ty in [PolicyType::Managed, PolicyType::Resource, PolicyType::Trust, PolicyType::Scp] {
        if let Ok(p) = Policy::parse(text, ty) {
            let Ok(principal) = Principal::from_arn("arn:aws:iam::111111111111:user/alice") else {
                return;
            };
            let mut ctx = Context::new();
            ctx.set("aws:username", "alice");
            let req = Request::new(principal, "s3:GetObject", "arn:aws:s3:::b/k", ctx);
            let sp = SourcedPolicy::new(Arc::new(p), "fuzz", SourceType::None);
            let set = if ty == PolicyType::Resource {
                PolicySet { resource: Some(sp), ..PolicySet::default() }
            } else {
                PolicySet { identity: vec![sp], ..PolicySet::default() }
            };
            let _ = evaluate(&req, &set);
        }
    }
});
