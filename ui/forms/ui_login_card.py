# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_card.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginCard(object):
    def setupUi(self, LoginCard):
        if not LoginCard.objectName():
            LoginCard.setObjectName(u"LoginCard")
        LoginCard.resize(440, 470)
        self.cardLayout = QVBoxLayout(LoginCard)
        self.cardLayout.setSpacing(12)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(40, 32, 40, 28)
        self.logo = QLabel(LoginCard)
        self.logo.setObjectName(u"logo")
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cardLayout.addWidget(self.logo)

        self.brand = QLabel(LoginCard)
        self.brand.setObjectName(u"brand")
        self.brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.brand.setProperty(u"role", u"brand")

        self.cardLayout.addWidget(self.brand)

        self.hallName = QLabel(LoginCard)
        self.hallName.setObjectName(u"hallName")
        self.hallName.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hallName.setProperty(u"role", u"muted")

        self.cardLayout.addWidget(self.hallName)

        self.gap = QSpacerItem(10, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.gap)

        self.staffNoLabel = QLabel(LoginCard)
        self.staffNoLabel.setObjectName(u"staffNoLabel")

        self.cardLayout.addWidget(self.staffNoLabel)

        self.staffNo = QLineEdit(LoginCard)
        self.staffNo.setObjectName(u"staffNo")
        self.staffNo.setMaxLength(20)

        self.cardLayout.addWidget(self.staffNo)

        self.passwordLabel = QLabel(LoginCard)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.cardLayout.addWidget(self.passwordLabel)

        self.password = QLineEdit(LoginCard)
        self.password.setObjectName(u"password")
        self.password.setMaxLength(128)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.cardLayout.addWidget(self.password)

        self.error = QLabel(LoginCard)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.cardLayout.addWidget(self.error)

        self.signIn = QPushButton(LoginCard)
        self.signIn.setObjectName(u"signIn")
        self.signIn.setProperty(u"role", u"primary")

        self.cardLayout.addWidget(self.signIn)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.demoHint = QLabel(LoginCard)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setWordWrap(True)
        self.demoHint.setProperty(u"role", u"caption")

        self.bottomRow.addWidget(self.demoHint)

        self.language = QComboBox(LoginCard)
        self.language.setObjectName(u"language")

        self.bottomRow.addWidget(self.language)


        self.cardLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.staffNoLabel.setBuddy(self.staffNo)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.staffNo, self.password)
        QWidget.setTabOrder(self.password, self.signIn)
        QWidget.setTabOrder(self.signIn, self.language)

        self.retranslateUi(LoginCard)

        self.signIn.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginCard):
        self.brand.setText(QCoreApplication.translate("LoginCard", u"Business Hall Counter System", None))
        self.staffNoLabel.setText(QCoreApplication.translate("LoginCard", u"Staff number", None))
        self.staffNo.setPlaceholderText(QCoreApplication.translate("LoginCard", u"For example C001", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginCard", u"Password", None))
        self.signIn.setText(QCoreApplication.translate("LoginCard", u"Sign in", None))
        pass
    # retranslateUi

