//! Memory helpers of the weight tables: probes land all over tables far larger than the
//! caches, so their cost is in cache and TLB misses rather than in arithmetic.

/// Map a hash onto `0..n` by its high bits, without a division (Lemire's multiply-shift).
#[inline]
pub fn home(key: u64, n: usize) -> usize {
    ((u128::from(key) * n as u128) >> 64) as usize
}

/// A vector of `n` default values, backed by 2 MB pages where Linux allows: with 4 KB pages
/// nearly every probe of a large table would also miss the TLB.
pub fn huge_vec<T: Default + Clone>(n: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        unsafe extern "C" {
            fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
        }
        const MADV_HUGEPAGE: i32 = 14;
        const HUGE: usize = 2 << 20;
        let start = v.as_mut_ptr() as usize;
        let bytes = n * std::mem::size_of::<T>();
        // Only whole 2 MB pages inside the allocation can be huge; the advice must come
        // before the pages are first written. It is only advice: failure changes nothing.
        let first = start.next_multiple_of(HUGE);
        let end = (start + bytes) & !(HUGE - 1);
        if end > first {
            // SAFETY: the range lies inside the allocation; the advice changes no contents.
            unsafe {
                madvise(first as *mut std::ffi::c_void, end - first, MADV_HUGEPAGE);
            }
        }
    }
    v.resize(n, T::default());
    v
}

/// Ask for the cache line holding `x`, without waiting for it: probes that fetch their lines
/// first and read them after overlap their misses instead of waiting for each in turn.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it reads nothing and cannot fault.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
