// Library Help Bot on Azure, in one resource group:
//   - App Service (Linux container, two or more instances) running the image built from the Dockerfile,
//     pulled from an Azure Container Registry with the app's managed identity;
//   - a Storage account with the blob container for the bot's shared state (STATE_STORAGE=azure-blobs);
//   - a Key Vault holding every secret; app settings reference it (@Microsoft.KeyVault(...));
//   - an Azure Bot with the Direct Line (website, enhanced authentication with trusted origins),
//     Microsoft Teams (staff) and, with Twilio details, SMS channels.
//   az deployment group create -g <group> -f deployment/azure/main.bicep -p @my-parameters.json
// The app settings below are every variable the bot reads (config/runtimeSettings.ts, index.ts);
// test/deployment/azureTemplate.test.ts fails when the two lists differ.

@description('Short lower-case name used for every resource (e.g. riverbend-bot).')
@minLength(3)
@maxLength(20)
param name string

param location string = resourceGroup().location

@description('Microsoft Entra app registration (single tenant) the bot authenticates as.')
param microsoftAppId string
@secure()
param microsoftAppPassword string
param microsoftAppTenantId string = tenant().tenantId

@description('Secret for non-reversible patron keys (HMAC of card numbers): 32 or more random characters.')
@secure()
@minLength(32)
param patronKeySecret string

@description('Direct Line secret of the bot. Empty on the first deployment; README step 6 stores it in Key Vault.')
@secure()
param directLineSecret string = ''

@description('Direct Line service for token exchange (a regional one, e.g. https://europe.directline.botframework.com).')
param directLineEndpoint string = 'https://directline.botframework.com'

@description('Origins allowed to open the chat (the library website), besides the bot\'s own page.')
param trustedOrigins array = []

@description('The library\'s configuration file inside the image, e.g. config/riverbend.yaml (staff.channel: teams).')
param libraryConfig string

@description('App Service instances. Two or more share state through Blob Storage.')
@minValue(1)
param instanceCount int = 2

@description('App Service plan size (P0v3 and up for production; B1 for a trial).')
param planSku string = 'P0v3'

@description('Image in the registry created here (build it with az acr build, README step 4).')
param imageName string = 'library-help-bot'
param imageTag string = 'latest'

@description('Storage redundancy: Standard_ZRS where the region has availability zones.')
param storageSku string = 'Standard_LRS'

@description('Blob container for bot state.')
param stateContainer string = 'library-bot-state'

param logLevel string = 'info'

@description('Patron sign-in with Microsoft Entra ID: the variable named by patronSignIn.entra.clientSecretEnv, and its value.')
param entraClientSecretSetting string = ''
@secure()
param entraClientSecret string = ''

@description('Staff workspace sign-in with Microsoft Entra ID (staff.console.entra in the YAML): the app registration\'s client secret. Empty when staff answer in Teams only.')
@secure()
param staffEntraClientSecret string = ''

@description('Key for the staff workspace\'s sign-in cookies, the same on every instance: 32 or more random characters. The default is new on each deployment (staff sign in again).')
@secure()
@minLength(32)
param staffSessionSecret string = '${newGuid()}${newGuid()}'

@description('A SIP2 library system: the variables named by librarySystem.loginUserEnv and loginPasswordEnv, and their values (leave empty for the demo system).')
param sip2UserSetting string = ''
@secure()
param sip2User string = ''
param sip2PasswordSetting string = ''
@secure()
param sip2Password string = ''

@description('Twilio account for the SMS channel (leave empty to skip SMS).')
param twilioAccountSid string = ''
@secure()
param twilioAuthToken string = ''
param twilioPhoneNumber string = ''

var appHost = '${name}-app'
var publicUrl = 'https://${appHost}.azurewebsites.net'
var port = '3978'
var suffix = uniqueString(resourceGroup().id)
var compactName = toLower(replace(name, '-', ''))
// Built-in role definitions.
var acrPullRole = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

// ---- storage: the bot's shared state ----
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${compactName}${suffix}', 24)
  location: location
  sku: { name: storageSku }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    // The bot reads a connection string with the account key (kept in Key Vault).
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateBlobs 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

// ---- secrets ----
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${compactName}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    accessPolicies: []
    enableSoftDelete: true
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: microsoftAppPassword }
}

resource patronKeySecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'patron-key-secret'
  properties: { value: patronKeySecret }
}

// Written only when given, so a later deployment without it keeps the secret set in README step 6.
resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: 'direct-line-secret'
  properties: { value: directLineSecret }
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'state-storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource entraSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(entraClientSecret)) {
  parent: vault
  name: 'entra-client-secret'
  properties: { value: entraClientSecret }
}

resource staffEntraSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffEntraClientSecret)) {
  parent: vault
  name: 'staff-entra-client-secret'
  properties: { value: staffEntraClientSecret }
}

resource staffSessionSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'staff-session-secret'
  properties: { value: staffSessionSecret }
}

resource sip2UserValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sip2User)) {
  parent: vault
  name: 'sip2-user'
  properties: { value: sip2User }
}

resource sip2PasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sip2Password)) {
  parent: vault
  name: 'sip2-password'
  properties: { value: sip2Password }
}

// ---- the image registry ----
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: take('${compactName}acr${suffix}', 50)
  location: location
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

// ---- the app: every variable the code reads, secrets as Key Vault references ----
var keyVaultReference = 'https://${vault.name}${environment().suffixes.keyvaultDns}/secrets'
var appSettingsFromCode = [
    { name: 'PORT', value: port }
    { name: 'HOST', value: '0.0.0.0' }
    { name: 'DATA_DIR', value: '/app/data' }
    { name: 'LIBRARY_CONFIG', value: libraryConfig }
    { name: 'MicrosoftAppId', value: microsoftAppId }
    { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/${appPasswordSecret.name}/)' }
    { name: 'MicrosoftAppType', value: 'SingleTenant' }
    { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
    { name: 'DIRECT_LINE_SECRET', value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/direct-line-secret/)' }
    { name: 'DIRECT_LINE_ENDPOINT', value: directLineEndpoint }
    { name: 'PUBLIC_URL', value: publicUrl }
    { name: 'LOG_LEVEL', value: logLevel }
    { name: 'LOG_FORMAT', value: 'json' }
    { name: 'PATRON_KEY_SECRET', value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/${patronKeySecretValue.name}/)' }
    { name: 'STATE_STORAGE', value: 'azure-blobs' }
    { name: 'AZURE_STORAGE_CONNECTION_STRING', value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/${storageConnectionSecret.name}/)' }
    { name: 'AZURE_STORAGE_CONTAINER', value: stateBlobs.name }
    // The staff workspace (/staff) with Entra ID sign-in; an empty secret leaves the workspace off.
    { name: 'STAFF_ENTRA_CLIENT_SECRET', value: empty(staffEntraClientSecret) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/staff-entra-client-secret/)' }
    { name: 'STAFF_SESSION_SECRET', value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/${staffSessionSecretValue.name}/)' }
    // App Service itself: the container's port, and no /home share (SQLite must never sit on one).
    { name: 'WEBSITES_PORT', value: port }
    { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
]
// index.ts reads the Entra client secret under the name the library's YAML gives it.
var entraSetting = empty(entraClientSecretSetting) ? [] : [
  { name: entraClientSecretSetting, value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/entra-client-secret/)' }
]
// ... and the SIP2 login under the names the library's YAML gives them.
var sip2Settings = empty(sip2UserSetting) ? [] : [
  { name: sip2UserSetting, value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/sip2-user/)' }
  { name: sip2PasswordSetting, value: '@Microsoft.KeyVault(SecretUri=${keyVaultReference}/sip2-password/)' }
]
var appSettings = concat(appSettingsFromCode, entraSetting, sip2Settings)

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  sku: { name: planSku, capacity: instanceCount }
  kind: 'linux'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appHost
  location: location
  kind: 'app,linux,container'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Channels, not browsers, call /api/messages: no sticky sessions; state is shared instead.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registry.properties.loginServer}/${imageName}:${imageTag}'
      acrUseManagedIdentityCreds: true
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // /readyz checks Blob Storage and the library system: an instance that cannot reach them is
      // taken out of the load balancer.
      healthCheckPath: '/readyz'
      appSettings: appSettings
    }
  }
}

resource appPullsImages 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, app.id, acrPullRole)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRole)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Azure Bot and its channels ----
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  sku: { name: 'S1' }
  kind: 'azurebot'
  properties: {
    displayName: name
    endpoint: '${publicUrl}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
    disableLocalAuth: false
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Library website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          // Enhanced authentication: tokens only for the page's origins, user ids (dl_...) fixed by the token.
          isSecureSiteEnabled: true
          trustedOrigins: concat([publicUrl], trustedOrigins)
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource sms 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(twilioAccountSid)) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      accountSID: twilioAccountSid
      authToken: twilioAuthToken
      phone: twilioPhoneNumber
      isEnabled: true
      isValidated: false
    }
  }
}

output botEndpoint string = bot.properties.endpoint
output chatPage string = '${publicUrl}/'
output registry string = registry.properties.loginServer
output keyVault string = vault.name
output stateStorageAccount string = storage.name
