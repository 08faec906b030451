; Inno Setup script: teachin's one-folder build (dist\teachin\, from teachin.spec) as
; an installer, dist\teachin-VERSION-windows-x64-setup.exe. Not tested on this
; project's Linux CI; .github/workflows/bundles.yml builds it on a Windows runner.
;
;     iscc /DAppVersion=0.1.0 packaging\windows\teachin.iss
;
; It installs for the current user without administrator rights (or for everyone,
; if the user chooses), adds teachin to the Start menu, and uninstalls cleanly.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{C96DB81D-3A82-4ABA-8DA4-F83768E712B7}
AppName=teachin
AppVersion={#AppVersion}
AppPublisher=teachin contributors
AppComments=Popular-education workshops on social-movement strategy, offline
DefaultDirName={autopf}\teachin
DefaultGroupName=teachin
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=teachin-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icon\teachin.ico
UninstallDisplayIcon={app}\teachin.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\teachin\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\teachin"; Filename: "{app}\teachin.exe"
Name: "{autodesktop}\teachin"; Filename: "{app}\teachin.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\teachin.exe"; Description: "{cm:LaunchProgram,teachin}"; Flags: nowait postinstall skipifsilent
