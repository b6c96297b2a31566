#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rashomon_fuzz::ingest_html(data));
