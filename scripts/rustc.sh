#!/bin/sh
# Cargo's rustc wrapper (.cargo/config.toml). A panic message names the source file it comes
# from, and for a crate from the registry that path starts with the builder's cargo home (a
# home folder such as /home/name/.cargo): the wasm that visitors download would carry it. The
# registry's part of the path is kept and the machine's part left out.
# The flag goes last: the program may be a driver that takes rustc's path as its first
# argument (cargo clippy runs `clippy-driver rustc …` through this wrapper).
exec "$@" "--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/="
