; Inno Setup script for ReportDesk (Windows, per-user install, no administrator rights).
; Build on Windows after the PyInstaller one-folder build (see packaging/README.md):
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\ReportDesk packaging\windows\reportdesk.iss
; The uninstaller removes the program only: drafts in %LOCALAPPDATA%\ReportDesk are kept.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ReportDesk"
#endif

[Setup]
AppId={{6F1C2B7E-4E0B-4C39-9B7A-2D5A61C0A7D1}
AppName=ReportDesk 信息公开年报助手
AppVersion={#AppVersion}
AppPublisher=ReportDesk
DefaultDirName={localappdata}\Programs\ReportDesk
DefaultGroupName=ReportDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=ReportDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
UninstallDisplayIcon={app}\reportdesk-gui.exe
; reportdesk.ico is generated from resources/icons/reportdesk.svg by packaging/build.py into the bundle
SetupIconFile={#SourceDir}\reportdesk.ico

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\ReportDesk 信息公开年报助手"; Filename: "{app}\reportdesk-gui.exe"
Name: "{userdesktop}\ReportDesk 信息公开年报助手"; Filename: "{app}\reportdesk-gui.exe"; Tasks: desktopicon

[Registry]
; .rdesk drafts open in ReportDesk on double-click (per user, HKCU).
Root: HKCU; Subkey: "Software\Classes\.rdesk"; ValueType: string; ValueName: ""; ValueData: "ReportDesk.Draft"; Flags: uninsdeletevalue
; the same MIME type as the Linux entry (packaging/linux/org.reportdesk.ReportDesk.mime.xml)
Root: HKCU; Subkey: "Software\Classes\.rdesk"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-reportdesk-draft"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ReportDesk.Draft"; ValueType: string; ValueName: ""; ValueData: "ReportDesk 年报草稿"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ReportDesk.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\reportdesk.ico,0"
Root: HKCU; Subkey: "Software\Classes\ReportDesk.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reportdesk-gui.exe"" ""%1"""

[Run]
Filename: "{app}\reportdesk-gui.exe"; Description: "{cm:LaunchProgram,ReportDesk}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] deliberately absent: the user's drafts and settings stay.
