//! Loads a large `get-account-authorization-details` file once, for measuring peak memory
//! and wall time outside criterion (see docs/benchmarks.md, "Simulated account"):
//!
//! ```sh
//! cargo build --release --example gaad_load
//! target/release/examples/gaad_load generate /tmp/gaad-5000.json
//! /usr/bin/time -v target/release/examples/gaad_load load /tmp/gaad-5000.json
//! ```
//!
//! `generate-wide USERS FILE` writes issue 18's wider shape (`gaad_gen::Shape::wide`): more
//! roles trusting the account, unknown actions in every document, more AWS managed policies
//! attached. `iamdojo audit --gaad FILE` is measured on it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    reason = "a measuring tool on fixed inputs; a panic is a broken measurement"
)]

// The example uses only the generator; the bench uses the rest of the module.
#[allow(dead_code)]
#[path = "gaad_gen.rs"]
mod gaad_gen;

use std::alloc::{GlobalAlloc, Layout};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The same allocator as the binary, so that the numbers are the product's, counting the
/// bytes live and their peak: the heap the load needs, apart from what the allocator and the
/// kernel add to the resident size.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on unchanged to mimalloc; the counters are only arithmetic.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        // SAFETY: the caller's contract is mimalloc's.
        unsafe { mimalloc::MiMalloc.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new >= l.size() {
            grew(new - l.size());
        } else {
            LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", path] => {
            let text = gaad_gen::generate(5_000, 1_000, 2_000);
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("gaad_load: cannot write `{path}`: {e}");
                return ExitCode::from(2);
            }
            println!("wrote {path}: {} MB", text.len() / 1_000_000);
            ExitCode::SUCCESS
        }
        ["generate-wide", users, path] => {
            let Ok(users) = users.parse::<usize>() else {
                eprintln!("gaad_load: `{users}` is not a number of users");
                return ExitCode::from(2);
            };
            let text = gaad_gen::generate_shape(gaad_gen::Shape::wide(users));
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("gaad_load: cannot write `{path}`: {e}");
                return ExitCode::from(2);
            }
            println!("wrote {path}: {} MB", text.len() / 1_000_000);
            ExitCode::SUCCESS
        }
        ["load", path] => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("gaad_load: cannot read `{path}`: {e}");
                    return ExitCode::from(2);
                }
            };
            let start = Instant::now();
            let before = LIVE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            let imported = iamdojo::account::gaad::import_gaad(path, &text);
            let took = start.elapsed();
            let (peak, held) = (PEAK.load(Ordering::Relaxed), LIVE.load(Ordering::Relaxed));
            match imported {
                Ok(imp) => {
                    let a = &imp.account;
                    println!(
                        "loaded {} MB in {took:?}, heap {} at most during the load besides the text, {} held by the account: {} users, {} groups, {} roles, {} managed policies, {} warnings",
                        text.len() / 1_000_000,
                        mb(peak - before),
                        mb(held - before),
                        a.users.len(),
                        a.groups.len(),
                        a.roles.len(),
                        a.policies.len(),
                        imp.warnings.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("gaad_load: {e}");
                    ExitCode::from(2)
                }
            }
        }
        _ => {
            eprintln!(
                "usage: gaad_load generate FILE | gaad_load generate-wide USERS FILE | gaad_load load FILE"
            );
            ExitCode::from(2)
        }
    }
}
