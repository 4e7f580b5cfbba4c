using System.Resources;

// Thai is the site's default language, so the main assembly's resources are Thai and no th-TH satellite is looked for.
[assembly: NeutralResourcesLanguage("th-TH")]
