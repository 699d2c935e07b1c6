#include "app/shell/companionprogram.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace inlet::app {

QString findCompanionProgram(const QString &program, const QString &override, const QString &appDir,
    const QStringList &dirs, QStringList *looked)
{
    QStringList tried;
    QString found;
    if (!override.isEmpty()) {
        tried << override;
        const QFileInfo file(override);
        if (file.isFile() && file.isExecutable())
            found = file.absoluteFilePath();
    } else {
        const QDir dir(appDir);
        for (const QString &relative : dirs) {
            const QString candidate = QDir::cleanPath(dir.filePath(relative));
            tried << QDir::toNativeSeparators(QDir(candidate).filePath(program));
            // findExecutable adds .exe on Windows and checks the executable bit elsewhere.
            found = QStandardPaths::findExecutable(program, { candidate });
            if (!found.isEmpty())
                break;
        }
    }
    if (looked)
        *looked = tried;
    return found;
}

} // namespace inlet::app
