# Every test executable links the static libraries it uses with their debug info: uncompressed, one
# app test is 130 MB (124 MB of it DWARF) and the build directory many GB. The linker compresses
# the debug sections with zstd (54 MB for that test, at almost no link time); gdb 13 and
# binutils 2.40 read them. Not in the sanitizer build: GCC 12's sanitizer symbolizer
# (libbacktrace) does not read zstd, and that build keeps line tables only (-g1, CMakePresets).
include(CheckLinkerFlag)
if(NOT INLET_SANITIZE)
  check_linker_flag(CXX "-Wl,--compress-debug-sections=zstd" INLET_LINKER_COMPRESSES_ZSTD)
  if(INLET_LINKER_COMPRESSES_ZSTD)
    add_link_options(-Wl,--compress-debug-sections=zstd)
  endif()
endif()
