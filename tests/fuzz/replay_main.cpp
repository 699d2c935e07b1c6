// Replays inputs through a harness's LLVMFuzzerTestOneInput without libFuzzer, so that the
// checked-in corpus and every crash input found once (tests/fuzz/regressions/) run as an ordinary
// test in every build, g++ and ASan included:  replay_<harness> FILE_OR_DIR...
// Directories are read recursively in name order; dot files (.gitkeep) are skipped.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        if (fs::is_directory(arg)) {
            for (const auto &entry : fs::recursive_directory_iterator(arg)) {
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    files.push_back(entry.path());
            }
        } else if (fs::is_regular_file(arg)) {
            files.push_back(arg);
        } else {
            std::fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
        std::string data;
        if (std::FILE *in = std::fopen(file.c_str(), "rb")) {
            char chunk[4096];
            for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, in)) > 0;)
                data.append(chunk, n);
            std::fclose(in);
        }
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), data.size());
        // A copy on the heap of exactly the input's size, as libFuzzer passes it, so that ASan
        // sees a read past the end.
        const std::unique_ptr<uint8_t[]> copy(new uint8_t[data.size()]);
        std::copy(data.begin(), data.end(), copy.get());
        LLVMFuzzerTestOneInput(copy.get(), data.size());
    }
    std::printf("replay: %zu inputs, no crash\n", files.size());
    return files.empty() ? 1 : 0;
}
