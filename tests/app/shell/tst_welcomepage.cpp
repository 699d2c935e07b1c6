// The welcome page's notice shows sign-in errors, whose text can come from an OAuth redirect's
// error_description (foreign input): it is plain text, never rich text with links or images.
#include "app/shell/welcomepage.h"

#include <QLabel>
#include <QTest>

using namespace inlet::app;

class TestWelcomePage : public QObject {
    Q_OBJECT
private slots:
    void noticeIsPlainText()
    {
        WelcomePage page;
        const QString hostile = QStringLiteral("Sign-in failed: Instagram refused the sign-in (x): "
                                               "<a href=\"https://evil.example\">Click "
                                               "here</a><img src=\"https://evil.example/p.png\">");
        page.setNotice(hostile);
        QLabel *notice = nullptr;
        for (QLabel *label : page.findChildren<QLabel *>()) {
            if (label->text() == hostile)
                notice = label;
        }
        QVERIFY(notice);
        QCOMPARE(notice->textFormat(), Qt::PlainText);
        QVERIFY(!notice->openExternalLinks());
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
