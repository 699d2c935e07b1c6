#include "service/teamsettings.h"

#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace inlet {

namespace {
const QString kHost = QStringLiteral("team/host");
const QString kPort = QStringLiteral("team/port");
const QString kDatabase = QStringLiteral("team/database");
const QString kRole = QStringLiteral("team/role");
const QString kSslMode = QStringLiteral("team/sslMode");
const QString kSslRootCert = QStringLiteral("team/sslRootCert");
} // namespace

TeamSettings TeamSettings::load(const QSettings &settings)
{
    TeamSettings s;
    s.host = settings.value(kHost).toString();
    s.port = settings.value(kPort, 5432).toInt();
    s.database = settings.value(kDatabase).toString();
    s.role = settings.value(kRole).toString();
    s.sslMode = settings.value(kSslMode).toString();
    s.sslRootCert = settings.value(kSslRootCert).toString();
    return s;
}

void TeamSettings::save(QSettings &settings) const
{
    settings.setValue(kHost, host);
    settings.setValue(kPort, port);
    settings.setValue(kDatabase, database);
    settings.setValue(kRole, role);
    settings.setValue(kSslMode, sslMode);
    settings.setValue(kSslRootCert, sslRootCert);
    settings.sync();
}

void TeamSettings::clear(QSettings &settings)
{
    settings.remove(QStringLiteral("team"));
    settings.sync();
}

Result<team::TeamConnection> TeamSettings::connection() const
{
    auto refuse
        = [](TeamSettingsProblem why, const QString &message) -> Result<team::TeamConnection> {
        return std::unexpected(Error::make(Error::Kind::Invalid, message, int(why)));
    };
    if (!isSet())
        return refuse(TeamSettingsProblem::Incomplete,
            QStringLiteral("team connection: a host, a database and a role are required"));
    if (port <= 0 || port > 65535)
        return refuse(
            TeamSettingsProblem::BadPort, QStringLiteral("team connection: port out of range"));
    team::TeamConnection where;
    where.host = host;
    if (!where.isLoopback()
        && ((!sslMode.isEmpty() && sslMode != QLatin1String("verify-full"))
            || sslRootCert.isEmpty()))
        return refuse(TeamSettingsProblem::RemoteNeedsVerifiedTls,
            QStringLiteral(
                "team connection: a remote database needs sslmode verify-full and a CA file"));
    // One rule for the URI of headless mode and these fields: built into that URI and parsed.
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(role);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    if (!url.isValid())
        return refuse(TeamSettingsProblem::Refused,
            QStringLiteral("team connection: %1").arg(url.errorString()));
    auto parsed = team::TeamConnection::parse(url.toString(QUrl::FullyEncoded));
    if (!parsed)
        return refuse(TeamSettingsProblem::Refused, parsed.error().message);
    return parsed;
}

} // namespace inlet
