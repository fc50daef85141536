// The one source of a target that only carries a precompiled header for others to reuse (Precompiled.cmake).
