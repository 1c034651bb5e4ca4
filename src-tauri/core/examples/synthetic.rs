//! Prints a synthetic history export (`politely history import` reads it), for benchmarks and
//! demos: `cargo run --release -p politely-core --example synthetic -- 100000 > history.json`.

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let seed = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(42);
    print!(
        "{}",
        politely_core::store::export::to_json(&politely_core::store::synthetic::history(n, seed))
    );
}
