# Warnings for our own targets only: Qt's headers arrive as -isystem and stay quiet.
function(inlet_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Woverloaded-virtual -Wnull-dereference)
  if(INLET_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # Strings from QStringLiteral/QByteArrayLiteral only, no implicit const char* <-> QString guessing.
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING
                                               QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
endfunction()
