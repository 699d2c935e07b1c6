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

qint64 kb(const QString &path, const QByteArray &key)
{
    const QList<QByteArray> lines = read(path).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
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

QString kind(const QString &pid)
{
    const QList<QByteArray> args
        = read(QStringLiteral("/proc/%1/cmdline").arg(pid)).replace('\0', ' ').split(' ');
    for (const QByteArray &arg : args) {
        if (arg.startsWith("--type="))
            return QString::fromLatin1(arg.mid(7));
    }
    return QString::fromLocal8Bit(args.value(0)).section(QLatin1Char('/'), -1);
}

} // namespace inlet::app::processtree
