//! The `iamdojo` binary: everything lives in the library; this only hands over the exit code.

/// A faster allocator: parsing and evaluation allocate many small values.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    iamdojo::cli::run()
}
