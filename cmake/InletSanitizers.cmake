if(INLET_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # No redzones around globals: every QStringLiteral and static table got one, with its
  # relocations, which made each ASan test executable about 190 MB (of it 71 MB .data and 63 MB
  # .rela.dyn) and the whole build too big for a small CI disk. Heap, stack and use-after-free
  # checks stay; overflows of a global array are what this gives up.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(--param=asan-globals=0)
  endif()
endif()
