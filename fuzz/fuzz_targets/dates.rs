#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rashomon_fuzz::dates(data));
