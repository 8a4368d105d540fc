//! Placeholder; the real benches follow.
fn main() {}
