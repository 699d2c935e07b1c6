#include "app/shell/processtree.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace inlet::app::processtree {

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QByteArray> statFields(const QString &pid)
{
    const QByteArray stat = read(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 ? QList<QByteArray>() : stat.mid(close + 2).split(' ');
}

QStringList descendants(qint64 pid)
{
    QHash<QString, QStringList> children;
    const QStringList pids
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &candidate : pids) {
        bool numeric = false;
        candidate.toInt(&numeric);
        const QList<QByteArray> fields = numeric ? statFields(candidate) : QList<QByteArray>();
        if (fields.size() > 1)
            children[QString::fromLatin1(fields.at(1))].append(candidate);
    }
    QStringList out;
    QStringList todo { QString::number(pid) };
    while (!todo.isEmpty()) {
        const QStringList next = children.value(todo.takeFirst());
        out += next;
        todo += next;
    }
    return out;
}

} // namespace inlet::app::processtree
