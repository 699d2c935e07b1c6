#pragma once

#include "common/result.h"
#include "model/label.h"

#include <QDialog>
#include <QFuture>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace inlet {
class Labels;
}

namespace inlet::app {

namespace Ui {
class LabelsDialog;
}

// File > Labels… (and "Manage labels…" in the label menus): the labels with their colours, a
// name and a colour (a fixed palette, or any colour from the colour dialog) with Add, Save (rename,
// recolour the chosen one) and Delete (asks first: it comes off every conversation). Every change
// is a write through Labels (the store's writer); the list follows the store. A refusal (a taken
// name, no name) shows in the dialog.
class LabelsDialog : public QDialog {
    Q_OBJECT
public:
    explicit LabelsDialog(Labels *labels, QWidget *parent = nullptr);
    ~LabelsDialog() override;

    // The label chosen in the list (0: none).
    qint64 chosenId() const;
    void choose(qint64 id);
    // The colour the form shows ("#rrggbb").
    QString colour() const;
    void setColour(const QString &colour);
    // Asks before deleting; tests answer in place of the message box.
    void setConfirmDelete(std::function<bool(const Label &)> confirm)
    {
        m_confirm = std::move(confirm);
    }

    QListWidget *list() const;
    QLineEdit *nameEdit() const;
    QComboBox *colourBox() const;
    QLabel *statusLabel() const;

    // The words for a refused label or a failed write.
    static QString describe(const Error &error);

public slots:
    void addLabel();
    void saveLabel();
    void deleteLabel();

private:
    void listChanged();
    void chosenChanged();
    void chooseOtherColour();
    void showStatus(const QString &text, bool problem = false);
    void write(QFuture<Result<qint64>> saving, const QString &done);

    std::unique_ptr<Ui::LabelsDialog> m_ui; // the form, ui/labelsdialog.ui
    Labels *m_labels;
    std::function<bool(const Label &)> m_confirm;
    qint64 m_chooseAfterSave = 0;
};

} // namespace inlet::app
