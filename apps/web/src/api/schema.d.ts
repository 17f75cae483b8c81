// Generated from /docs-json by `npm run web:api-types`; do not edit by hand.
export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionController_open"];
        delete: operations["SessionController_close"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CampaignsController_list"];
        put?: never;
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete: operations["CampaignsController_delete"];
        options?: never;
        head?: never;
        patch: operations["CampaignsController_update"];
        trace?: never;
    };
    "/api/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CampaignsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CampaignsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CampaignsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CampaignLaunchController_launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CampaignLaunchController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/enrolments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CampaignLaunchController_enrolmentList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/enrolments/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CampaignLaunchController_removeEnrolment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RegionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RegionsController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["RegionsController_updateSettings"];
        trace?: never;
    };
    "/api/sbi-sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SbiSectionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployersController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployersController_list"];
        put?: never;
        post: operations["EmployersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployersController_get"];
        put?: never;
        post?: never;
        delete: operations["EmployersController_delete"];
        options?: never;
        head?: never;
        patch: operations["EmployersController_update"];
        trace?: never;
    };
    "/api/employers/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployersController_listContacts"];
        put?: never;
        post: operations["EmployersController_addContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_list"];
        put?: never;
        post: operations["OrganisationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_get"];
        put?: never;
        post?: never;
        delete: operations["OrganisationsController_delete"];
        options?: never;
        head?: never;
        patch: operations["OrganisationsController_update"];
        trace?: never;
    };
    "/api/organisations/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_listContacts"];
        put?: never;
        post: operations["OrganisationsController_addContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_listNetwork"];
        put?: never;
        post: operations["OrganisationsController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}/network/{employerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganisationsController_unlink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContactsController_get"];
        put?: never;
        post?: never;
        delete: operations["ContactsController_delete"];
        options?: never;
        head?: never;
        patch: operations["ContactsController_update"];
        trace?: never;
    };
    "/api/contacts/{id}/basis-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContactsController_basisHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/employers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/trajectories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_uploadTrajectories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_errors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EmployerPipelineController_moveStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{id}/stage-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployerPipelineController_stageHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EmployerPipelineController_logActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/employers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployerPipelineController_timelineOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_list"];
        put?: never;
        post: operations["TasksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["TasksController_update"];
        trace?: never;
    };
    "/api/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContactPrivacyController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/restrict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ContactPrivacyController_restrict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ContactPrivacyController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ContactPrivacyController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PrivacyController_reviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/reviews/{contactId}/keep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PrivacyController_keep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PrivacyController_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_funnel[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/funnel.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_funnel[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_cohorts[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/cohorts.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_cohorts[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/trajectories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_trajectories[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/trajectories.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_trajectories[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_targets[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/targets.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_targets[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_campaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SegmentsController_list"];
        put?: never;
        post: operations["SegmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SegmentsController_previewDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SegmentsController_get"];
        put?: never;
        post?: never;
        delete: operations["SegmentsController_delete"];
        options?: never;
        head?: never;
        patch: operations["SegmentsController_update"];
        trace?: never;
    };
    "/api/segments/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SegmentsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StoriesController_list"];
        put?: never;
        post: operations["StoriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StoriesController_get"];
        put?: never;
        post?: never;
        delete: operations["StoriesController_delete"];
        options?: never;
        head?: never;
        patch: operations["StoriesController_update"];
        trace?: never;
    };
    "/api/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TargetsController_list"];
        put?: never;
        post: operations["TargetsController_save"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TargetsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SuppressionsController_list"];
        put?: never;
        post: operations["SuppressionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SuppressionsController_lift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TemplatesController_list"];
        put?: never;
        post: operations["TemplatesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TemplatesController_get"];
        put?: never;
        post?: never;
        delete: operations["TemplatesController_delete"];
        options?: never;
        head?: never;
        patch: operations["TemplatesController_update"];
        trace?: never;
    };
    "/api/templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TemplatesController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TemplatesController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TemplatesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/test-send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TemplatesController_testSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trajectories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrajectoriesController_list"];
        put?: never;
        post: operations["TrajectoriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trajectories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TrajectoriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["TrajectoriesController_update"];
        trace?: never;
    };
    "/api/employers/{id}/mbo-matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MboMatchesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirm page (Dutch HTML); changes nothing */
        get: operations["UnsubscribeController_confirm"];
        put?: never;
        /** One-click unsubscribe (RFC 8058): no cookie, no login */
        post: operations["UnsubscribeController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /** @example admin@example.org */
            email: string;
            password: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        CreateUserDto: {
            /** @example j.jansen@wsp-example.nl */
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "coordinator" | "account_manager" | "wsp_staff";
            /** @description Region ids; at least one unless the role is admin */
            regionIds: string[];
            password: string;
            /**
             * @description Stored in E.164
             * @example +31201234567
             */
            phone?: string;
        };
        UpdateUserDto: {
            name?: string;
            /** @enum {string} */
            role?: "admin" | "coordinator" | "account_manager" | "wsp_staff";
            regionIds?: string[];
            /** @description null removes the phone number */
            phone?: string | null;
            /** @description true disables the user; their tokens stop working at once */
            disabled?: boolean;
            /** @description Sets a new password; tokens issued before it stop working */
            password?: string;
        };
        CreateCampaignDto: {
            /** @example Voorjaar 2027 zorg */
            name: string;
            /** Format: uuid */
            regionId: string;
            /**
             * Format: uuid
             * @description A segment of the same region
             */
            segmentId: string;
            /**
             * Format: uuid
             * @description Default: the caller. An active account manager, coordinator or admin of the region
             */
            senderId?: string;
            /** @description Ordered; the first step is an email. Errors name the path, e.g. steps[1].duration */
            steps: ({
                /** @enum {unknown} */
                type: "email";
                /** Format: uuid */
                templateId: string;
            } | {
                /** @enum {unknown} */
                type: "wait";
                /**
                 * @description ISO-8601 days and time (P3D, PT2S, P1DT12H)
                 * @example P3D
                 */
                duration: string;
                /**
                 * @default working-days
                 * @enum {unknown}
                 */
                calendar: "working-days" | "calendar-days";
            } | {
                /** @enum {unknown} */
                type: "task";
                title: string;
            })[];
            /**
             * @default primary
             * @enum {string}
             */
            contactScope: "primary" | "all";
            /**
             * @default interested
             * @enum {string}
             */
            exitStage: "contacted" | "interested" | "sw_pilot" | "own_trajectory" | "structural" | "ambassador";
            /**
             * @description Europe/Amsterdam; never on Dutch public holidays or region closing days. null sends at any time
             * @default {
             *       "days": [
             *         1,
             *         2,
             *         3,
             *         4,
             *         5
             *       ],
             *       "from": "09:00",
             *       "to": "17:00"
             *     }
             */
            sendWindow: {
                days?: number[];
                /** @example 09:00 */
                from?: string;
                /**
                 * @description Exclusive; 24:00 is the end of the day
                 * @example 17:00
                 */
                to?: string;
            } | null;
            /** @description Default: no cap */
            maxPerHour?: number | null;
            /**
             * Format: date-time
             * @description In the future; the launch action schedules the campaign for this time
             */
            launchAt?: string | null;
        };
        UpdateCampaignDto: {
            /** @example Voorjaar 2027 zorg */
            name?: string;
            /**
             * Format: uuid
             * @description A segment of the same region
             */
            segmentId?: string;
            /**
             * Format: uuid
             * @description Default: the caller. An active account manager, coordinator or admin of the region
             */
            senderId?: string;
            /** @description Ordered; the first step is an email. Errors name the path, e.g. steps[1].duration */
            steps?: ({
                /** @enum {unknown} */
                type: "email";
                /** Format: uuid */
                templateId: string;
            } | {
                /** @enum {unknown} */
                type: "wait";
                /**
                 * @description ISO-8601 days and time (P3D, PT2S, P1DT12H)
                 * @example P3D
                 */
                duration: string;
                /**
                 * @default working-days
                 * @enum {unknown}
                 */
                calendar: "working-days" | "calendar-days";
            } | {
                /** @enum {unknown} */
                type: "task";
                title: string;
            })[];
            /**
             * @default primary
             * @enum {string}
             */
            contactScope: "primary" | "all";
            /**
             * @default interested
             * @enum {string}
             */
            exitStage: "contacted" | "interested" | "sw_pilot" | "own_trajectory" | "structural" | "ambassador";
            /**
             * @description Europe/Amsterdam; never on Dutch public holidays or region closing days. null sends at any time
             * @default {
             *       "days": [
             *         1,
             *         2,
             *         3,
             *         4,
             *         5
             *       ],
             *       "from": "09:00",
             *       "to": "17:00"
             *     }
             */
            sendWindow: {
                days?: number[];
                /** @example 09:00 */
                from?: string;
                /**
                 * @description Exclusive; 24:00 is the end of the day
                 * @example 17:00
                 */
                to?: string;
            } | null;
            /** @description Default: no cap */
            maxPerHour?: number | null;
            /**
             * Format: date-time
             * @description In the future; the launch action schedules the campaign for this time
             */
            launchAt?: string | null;
        };
        UpdateRegionSettingsDto: {
            /** @description Days between two campaign e-mails to one contact */
            pressureDays?: number;
            /**
             * @description Extra days without sending
             * @example [
             *       "2027-05-05"
             *     ]
             */
            closingDays?: string[];
        };
        CreateEmployerDto: {
            /** @example Bakkerij de Vries */
            name: string;
            /**
             * @description Exactly 8 digits; unique within the region
             * @example 12345678
             */
            kvkNumber: string;
            /** Format: uuid */
            regionId: string;
            /**
             * @description 12 digits
             * @example 000012345678
             */
            vestigingsnummer?: string | null;
            /**
             * @description 9 digits passing the 11-proef
             * @example 123456782
             */
            rsin?: string | null;
            /**
             * @description The section is derived from it
             * @example 47111
             */
            sbiCode?: string | null;
            /**
             * @default 2025
             * @enum {number|null}
             */
            sbiVersion: 2008 | 2025 | null;
            /** @enum {string|null} */
            sizeClass?: "micro" | "small" | "medium" | "large" | null;
            /** @enum {string|null} */
            legalForm?: "legal_person" | "natural_person" | null;
            /**
             * @description Stored as `1234 AB`
             * @example 1234 AB
             */
            postcode?: string | null;
            city?: string | null;
            /** @example https://www.example.nl */
            website?: string | null;
            /**
             * Format: uuid
             * @description Default: the caller; an active user of the region
             */
            ownerId?: string | null;
            leadSource?: string | null;
            /** @description Trimmed and de-duplicated; no , ; or | inside a tag */
            tags?: string[] | null;
        };
        UpdateEmployerDto: {
            /** @example Bakkerij de Vries */
            name?: string;
            /**
             * @description Exactly 8 digits; unique within the region
             * @example 12345678
             */
            kvkNumber?: string;
            /**
             * @description 12 digits
             * @example 000012345678
             */
            vestigingsnummer?: string | null;
            /**
             * @description 9 digits passing the 11-proef
             * @example 123456782
             */
            rsin?: string | null;
            /**
             * @description The section is derived from it
             * @example 47111
             */
            sbiCode?: string | null;
            /**
             * @default 2025
             * @enum {number|null}
             */
            sbiVersion: 2008 | 2025 | null;
            /** @enum {string|null} */
            sizeClass?: "micro" | "small" | "medium" | "large" | null;
            /** @enum {string|null} */
            legalForm?: "legal_person" | "natural_person" | null;
            /**
             * @description Stored as `1234 AB`
             * @example 1234 AB
             */
            postcode?: string | null;
            city?: string | null;
            /** @example https://www.example.nl */
            website?: string | null;
            /**
             * Format: uuid
             * @description Default: the caller; an active user of the region
             */
            ownerId?: string | null;
            leadSource?: string | null;
            /** @description Trimmed and de-duplicated; no , ; or | inside a tag */
            tags?: string[] | null;
        };
        CreateContactDto: {
            firstName?: string | null;
            lastName: string;
            /** @example j.devries@example.nl */
            email?: string | null;
            /**
             * @description Stored in E.164; Dutch numbers may omit +31
             * @example +31201234567
             */
            phone?: string | null;
            /** @example HR manager */
            role?: string | null;
            /** @description Makes this the primary contact (the first contact always is) */
            primary?: boolean;
            /**
             * @description Without one, campaigns never mail the contact
             * @enum {string|null}
             */
            emailBasis?: "consent" | "existing_relationship" | "published_for_purpose" | null;
            /** @example Beurs Werkgeversdag 2026 */
            emailBasisSource?: string | null;
            /** @example Signed form, scan in dossier 2026-114 */
            emailBasisEvidence?: string | null;
        };
        RecognitionDto: {
            /**
             * @description SBI version and section letter
             * @example 2025:Q
             */
            sbiSection: string;
            /**
             * @description A kwalificatiedossier (5 digits)
             * @example 25180
             */
            crebo?: string | null;
        };
        CreateOrganisationDto: {
            /** @enum {string} */
            kind: "sw_company" | "wsp" | "municipality" | "uwv" | "mbo" | "union" | "employer_association";
            /** @example Werkbedrijf Amstelland */
            name: string;
            /** Format: uuid */
            regionId: string;
            /** @example 12345678 */
            kvkNumber?: string | null;
            /**
             * @description Shown in campaign footers for a WSP
             * @example Postbus 123, 1000 AA Amsterdam
             */
            postalAddress?: string | null;
            email?: string | null;
            /** @description Stored in E.164 */
            phone?: string | null;
            website?: string | null;
            /** @description Only for kind mbo */
            recognitions?: components["schemas"]["RecognitionDto"][] | null;
        };
        UpdateOrganisationDto: {
            /** @example Werkbedrijf Amstelland */
            name?: string;
            /** @example 12345678 */
            kvkNumber?: string | null;
            /**
             * @description Shown in campaign footers for a WSP
             * @example Postbus 123, 1000 AA Amsterdam
             */
            postalAddress?: string | null;
            email?: string | null;
            /** @description Stored in E.164 */
            phone?: string | null;
            website?: string | null;
            /** @description Only for kind mbo */
            recognitions?: components["schemas"]["RecognitionDto"][] | null;
        };
        CreateNetworkLinkDto: {
            /**
             * Format: uuid
             * @description An employer of the SW-bedrijf’s region
             */
            employerId: string;
            /** @enum {string} */
            relation: "detachering" | "pilot_host" | "partner" | "supplier";
            /**
             * @description Default: today (Europe/Amsterdam); not in the future
             * @example 2026-03-01
             */
            since?: string;
        };
        UpdateContactDto: {
            firstName?: string | null;
            lastName?: string;
            /** @example j.devries@example.nl */
            email?: string | null;
            /**
             * @description Stored in E.164; Dutch numbers may omit +31
             * @example +31201234567
             */
            phone?: string | null;
            /** @example HR manager */
            role?: string | null;
            /** @description Makes this the primary contact (the first contact always is) */
            primary?: boolean;
            /**
             * @description Without one, campaigns never mail the contact
             * @enum {string|null}
             */
            emailBasis?: "consent" | "existing_relationship" | "published_for_purpose" | null;
            /** @example Beurs Werkgeversdag 2026 */
            emailBasisSource?: string | null;
            /** @example Signed form, scan in dossier 2026-114 */
            emailBasisEvidence?: string | null;
        };
        ImportAcceptedDto: {
            /** Format: uuid */
            importId: string;
        };
        ImportRowErrorDto: {
            /**
             * @description The file's line number (the header is line 1)
             * @example 3
             */
            row: number;
            /** @example kvkNumber */
            field: string;
            /** @example must be exactly 8 digits */
            problem: string;
        };
        ImportViewDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "employers" | "trajectories";
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            filename: string | null;
            /** @description Data rows in the file; known once the worker has read it through (0 while queued) */
            total: number;
            /** @description Rows handled so far (grows batch by batch while running) */
            processed: number;
            created: number;
            updated: number;
            unchanged: number;
            /** @description Rows with at least one error (nothing of such a row is applied) */
            failed: number;
            /** @description Why the import failed as a whole */
            message: string | null;
            /** @description Ordered by row; at most the first 1000 (all of them: GET /api/imports/{id}/errors) */
            errors: components["schemas"]["ImportRowErrorDto"][];
            /** @description All row errors, also those beyond the inline list */
            errorsTotal: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        ImportErrorPageDto: {
            /** @description Ordered by row */
            items: components["schemas"]["ImportRowErrorDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        MoveStageDto: {
            /** @enum {string} */
            stage: "prospect" | "contacted" | "interested" | "sw_pilot" | "own_trajectory" | "structural" | "ambassador" | "not_interested" | "paused";
            /** @description Required to move back, to not_interested, to leave a side state and with override */
            reason?: string | null;
            /**
             * @description Only with not_interested: a task for the owner (else the caller) on that day at 09:00 Amsterdam time
             * @example 2027-09-01
             */
            recontactAt?: string | null;
            /** @description Coordinators and admins: set any stage (with a reason) */
            override?: boolean;
        };
        LogActivityDto: {
            /**
             * @description call, meeting and email move a prospect to contacted
             * @enum {string}
             */
            type: "call" | "meeting" | "note" | "email";
            /**
             * @description Default now; not in the future
             * @example 2027-03-01T10:30:00+01:00
             */
            at?: string;
            /** @example Kennismaking met de HR-manager; interesse in een SW-pilot */
            summary: string;
            /**
             * Format: uuid
             * @description A contact of this employer
             */
            contactId?: string | null;
        };
        CreateTaskDto: {
            /** Format: uuid */
            employerId: string;
            /** @example Offerte SW-pilot nabellen */
            title: string;
            /** @example 2027-03-04T09:00:00+01:00 */
            dueAt: string;
            /**
             * Format: uuid
             * @description Default: the employer's owner (while active in the region), else the caller
             */
            assigneeId?: string | null;
        };
        UpdateTaskDto: {
            done?: boolean;
            title?: string;
            /** @example 2027-03-04T09:00:00+01:00 */
            dueAt?: string;
            /**
             * Format: uuid
             * @description An active user who works in the employer’s region
             */
            assigneeId?: string;
        };
        CreateSegmentDto: {
            /**
             * Format: uuid
             * @description The region whose employers the segment selects
             */
            regionId: string;
            /**
             * @description Unique within the region
             * @example Zorg zonder SW-contact
             */
            name: string;
            /**
             * @description `{ all: [...] }` or `{ any: [...] }` of conditions `{ field, op, value }` and nested groups (at most 5 levels and 100 conditions). Fields: regionId, stage, sbiSection, sizeClass, tag, swNetwork, ownerId, lastContactedAt, createdAt, hasOpenTrajectory; ops: eq, neq, in, nin, before, after, exists. Per field: regionId eq/in (only narrows: a segment always selects its own region); stage eq/neq/in/nin; sbiSection (`2025:Q`), sizeClass, ownerId eq/neq/in/nin/exists; tag eq/neq/in/nin (case-insensitive) and exists (has any tag); swNetwork eq/neq/in/nin (an active link with that SW-bedrijf of the region; any other id matches nothing) and exists (any active SW link); lastContactedAt (latest logged call, meeting or e-mail) before/after/exists; createdAt before/after; hasOpenTrajectory eq true/false (a trajectory not certified or stopped). `in`/`nin` take a list, `exists` true/false; before/after take a date (a whole day in Europe/Amsterdam, strict) or a time with offset. Neither before nor after matches an employer never contacted: combine with `{ field: "lastContactedAt", op: "exists", value: false }`.
             * @example {
             *       "all": [
             *         {
             *           "field": "stage",
             *           "op": "in",
             *           "value": [
             *             "prospect",
             *             "contacted"
             *           ]
             *         },
             *         {
             *           "field": "sbiSection",
             *           "op": "eq",
             *           "value": "2025:R"
             *         },
             *         {
             *           "any": [
             *             {
             *               "field": "tag",
             *               "op": "eq",
             *               "value": "zorg"
             *             },
             *             {
             *               "field": "swNetwork",
             *               "op": "exists",
             *               "value": true
             *             }
             *           ]
             *         },
             *         {
             *           "field": "lastContactedAt",
             *           "op": "before",
             *           "value": "2027-01-01"
             *         }
             *       ]
             *     }
             */
            filter: {
                [key: string]: unknown;
            };
        };
        PreviewSegmentDto: {
            /**
             * Format: uuid
             * @description The region whose employers the segment selects
             */
            regionId: string;
            /**
             * @description `{ all: [...] }` or `{ any: [...] }` of conditions `{ field, op, value }` and nested groups (at most 5 levels and 100 conditions). Fields: regionId, stage, sbiSection, sizeClass, tag, swNetwork, ownerId, lastContactedAt, createdAt, hasOpenTrajectory; ops: eq, neq, in, nin, before, after, exists. Per field: regionId eq/in (only narrows: a segment always selects its own region); stage eq/neq/in/nin; sbiSection (`2025:Q`), sizeClass, ownerId eq/neq/in/nin/exists; tag eq/neq/in/nin (case-insensitive) and exists (has any tag); swNetwork eq/neq/in/nin (an active link with that SW-bedrijf of the region; any other id matches nothing) and exists (any active SW link); lastContactedAt (latest logged call, meeting or e-mail) before/after/exists; createdAt before/after; hasOpenTrajectory eq true/false (a trajectory not certified or stopped). `in`/`nin` take a list, `exists` true/false; before/after take a date (a whole day in Europe/Amsterdam, strict) or a time with offset. Neither before nor after matches an employer never contacted: combine with `{ field: "lastContactedAt", op: "exists", value: false }`.
             * @example {
             *       "all": [
             *         {
             *           "field": "stage",
             *           "op": "in",
             *           "value": [
             *             "prospect",
             *             "contacted"
             *           ]
             *         },
             *         {
             *           "field": "sbiSection",
             *           "op": "eq",
             *           "value": "2025:R"
             *         },
             *         {
             *           "any": [
             *             {
             *               "field": "tag",
             *               "op": "eq",
             *               "value": "zorg"
             *             },
             *             {
             *               "field": "swNetwork",
             *               "op": "exists",
             *               "value": true
             *             }
             *           ]
             *         },
             *         {
             *           "field": "lastContactedAt",
             *           "op": "before",
             *           "value": "2027-01-01"
             *         }
             *       ]
             *     }
             */
            filter: {
                [key: string]: unknown;
            };
        };
        UpdateSegmentDto: {
            /**
             * @description Unique within the region
             * @example Zorg zonder SW-contact
             */
            name?: string;
            /**
             * @description `{ all: [...] }` or `{ any: [...] }` of conditions `{ field, op, value }` and nested groups (at most 5 levels and 100 conditions). Fields: regionId, stage, sbiSection, sizeClass, tag, swNetwork, ownerId, lastContactedAt, createdAt, hasOpenTrajectory; ops: eq, neq, in, nin, before, after, exists. Per field: regionId eq/in (only narrows: a segment always selects its own region); stage eq/neq/in/nin; sbiSection (`2025:Q`), sizeClass, ownerId eq/neq/in/nin/exists; tag eq/neq/in/nin (case-insensitive) and exists (has any tag); swNetwork eq/neq/in/nin (an active link with that SW-bedrijf of the region; any other id matches nothing) and exists (any active SW link); lastContactedAt (latest logged call, meeting or e-mail) before/after/exists; createdAt before/after; hasOpenTrajectory eq true/false (a trajectory not certified or stopped). `in`/`nin` take a list, `exists` true/false; before/after take a date (a whole day in Europe/Amsterdam, strict) or a time with offset. Neither before nor after matches an employer never contacted: combine with `{ field: "lastContactedAt", op: "exists", value: false }`.
             * @example {
             *       "all": [
             *         {
             *           "field": "stage",
             *           "op": "in",
             *           "value": [
             *             "prospect",
             *             "contacted"
             *           ]
             *         },
             *         {
             *           "field": "sbiSection",
             *           "op": "eq",
             *           "value": "2025:R"
             *         },
             *         {
             *           "any": [
             *             {
             *               "field": "tag",
             *               "op": "eq",
             *               "value": "zorg"
             *             },
             *             {
             *               "field": "swNetwork",
             *               "op": "exists",
             *               "value": true
             *             }
             *           ]
             *         },
             *         {
             *           "field": "lastContactedAt",
             *           "op": "before",
             *           "value": "2027-01-01"
             *         }
             *       ]
             *     }
             */
            filter?: {
                [key: string]: unknown;
            };
        };
        CreateStoryDto: {
            /**
             * Format: uuid
             * @description The story takes its region and sector from this employer
             */
            employerId: string;
            /** @example Van leerbaan naar vaste baan */
            title: string;
            summary: string;
            quote?: string | null;
            /**
             * @description Day the employer consented to publication; required to publish
             * @example 2027-03-01
             */
            consentAt?: string | null;
            /**
             * @description Last day the story may be used
             * @example 2029-03-01
             */
            expiresAt?: string | null;
            /** @description Only with consent (409 otherwise) */
            published: boolean;
        };
        UpdateStoryDto: {
            /** @example Van leerbaan naar vaste baan */
            title?: string;
            summary?: string;
            quote?: string | null;
            /**
             * @description Day the employer consented to publication; required to publish
             * @example 2027-03-01
             */
            consentAt?: string | null;
            /**
             * @description Last day the story may be used
             * @example 2029-03-01
             */
            expiresAt?: string | null;
            /** @description Only with consent (409 otherwise) */
            published?: boolean;
        };
        SaveTargetDto: {
            /** Format: uuid */
            regionId: string;
            /**
             * @description A year (2000–2100) or a quarter of it: `2027` or `2027-Q1`
             * @example 2027-Q1
             */
            period: string;
            /** @enum {string} */
            metric: "employers_contacted" | "employers_sw_pilot" | "employers_own_trajectory" | "employers_structural" | "trajectories_started" | "certificates";
            /** @example 40 */
            value: number;
        };
        CreateSuppressionDto: {
            /**
             * @description Stored lower-case
             * @example info@bakkerij.example
             */
            email: string;
            /**
             * Format: uuid
             * @description One of your regions; left out or null: suppressed in every region
             */
            regionId?: string | null;
            /** @example Asked by phone not to be mailed */
            reason: string;
        };
        CreateTemplateDto: {
            /**
             * Format: uuid
             * @description Required. `null` makes a national template, readable by all regions (admins only, else 403)
             */
            regionId: string | null;
            /**
             * @description Unique within the region
             * @example Kennismaking praktijkleren
             */
            name: string;
            /**
             * @description One line. Handlebars. Variables: contact.firstName, contact.lastName, employer.name, employer.city, region.name, sender.name, sender.email, sender.phone, wsp.name, wsp.postalAddress, unsubscribeUrl (inside {{#with}} and {{#each}} also this, ../ paths, @root, @key, @index and block parameters). Helpers: if, unless, each, with, eq (two arguments; block or sub-expression), formatDate (a YYYY-MM-DD date or none for today; "d MMMM yyyy" in Dutch). Partial: {{> story}}. Raw output ({{{ }}}, {{& }}), other helpers, partials and decorators are a 422 naming the field and line; so is active content in the HTML (<script>, frames, forms, on…= handlers, javascript: links, <meta http-equiv="refresh">).
             * @example Praktijkleren bij {{employer.name}}?
             */
            subject: string;
            /**
             * @description HTML body; every value is HTML-escaped. A footer with the WSP's name, postal address and unsubscribe link is always added. Handlebars. Variables: contact.firstName, contact.lastName, employer.name, employer.city, region.name, sender.name, sender.email, sender.phone, wsp.name, wsp.postalAddress, unsubscribeUrl (inside {{#with}} and {{#each}} also this, ../ paths, @root, @key, @index and block parameters). Helpers: if, unless, each, with, eq (two arguments; block or sub-expression), formatDate (a YYYY-MM-DD date or none for today; "d MMMM yyyy" in Dutch). Partial: {{> story}}. Raw output ({{{ }}}, {{& }}), other helpers, partials and decorators are a 422 naming the field and line; so is active content in the HTML (<script>, frames, forms, on…= handlers, javascript: links, <meta http-equiv="refresh">).
             * @example <p>Beste {{contact.firstName}},</p>{{> story}}
             */
            html: string;
            /** @description Plain-text body; left out or null: generated from the HTML */
            text?: string | null;
        };
        UpdateTemplateDto: {
            /**
             * @description Unique within the region
             * @example Kennismaking praktijkleren
             */
            name?: string;
            /**
             * @description One line. Handlebars. Variables: contact.firstName, contact.lastName, employer.name, employer.city, region.name, sender.name, sender.email, sender.phone, wsp.name, wsp.postalAddress, unsubscribeUrl (inside {{#with}} and {{#each}} also this, ../ paths, @root, @key, @index and block parameters). Helpers: if, unless, each, with, eq (two arguments; block or sub-expression), formatDate (a YYYY-MM-DD date or none for today; "d MMMM yyyy" in Dutch). Partial: {{> story}}. Raw output ({{{ }}}, {{& }}), other helpers, partials and decorators are a 422 naming the field and line; so is active content in the HTML (<script>, frames, forms, on…= handlers, javascript: links, <meta http-equiv="refresh">).
             * @example Praktijkleren bij {{employer.name}}?
             */
            subject?: string;
            /**
             * @description HTML body; every value is HTML-escaped. A footer with the WSP's name, postal address and unsubscribe link is always added. Handlebars. Variables: contact.firstName, contact.lastName, employer.name, employer.city, region.name, sender.name, sender.email, sender.phone, wsp.name, wsp.postalAddress, unsubscribeUrl (inside {{#with}} and {{#each}} also this, ../ paths, @root, @key, @index and block parameters). Helpers: if, unless, each, with, eq (two arguments; block or sub-expression), formatDate (a YYYY-MM-DD date or none for today; "d MMMM yyyy" in Dutch). Partial: {{> story}}. Raw output ({{{ }}}, {{& }}), other helpers, partials and decorators are a 422 naming the field and line; so is active content in the HTML (<script>, frames, forms, on…= handlers, javascript: links, <meta http-equiv="refresh">).
             * @example <p>Beste {{contact.firstName}},</p>{{> story}}
             */
            html?: string;
            /** @description Plain-text body; left out or null: generated from the HTML */
            text?: string | null;
        };
        PreviewTemplateDto: {
            /**
             * Format: uuid
             * @description A contact of the caller's regions; left out: placeholder values
             */
            contactId?: string;
            /** @description An older version (default: the current one); not with a draft */
            version?: number;
            /** @description Draft subject, rendered instead of the saved one */
            subject?: string;
            /** @description Draft HTML body, rendered instead of the saved one */
            html?: string;
            /** @description Draft plain-text body; null or empty: generated from the HTML */
            text?: string | null;
        };
        TestSendTemplateDto: {
            /**
             * Format: email
             * @description Test mails go to oneself only: left out, or the caller's own address (else 400)
             */
            to?: string;
            /**
             * Format: uuid
             * @description Render against this contact of the caller's regions; left out: placeholder values
             */
            contactId?: string;
        };
        CreateTrajectoryDto: {
            /** Format: uuid */
            employerId: string;
            /** @enum {string} */
            route: "sw_internal" | "sw_secondment" | "direct";
            /**
             * Format: uuid
             * @description The SW-bedrijf (kind sw_company) of an SW route, in the employer's region (another region: 400)
             */
            hostOrganisationId?: string | null;
            /**
             * Format: uuid
             * @description The MBO school (kind mbo), in the employer's region (another region: 400)
             */
            mboOrganisationId?: string | null;
            /**
             * @description Kwalificatiedossier, 5 digits
             * @example 25180
             */
            crebo?: string | null;
            /**
             * @description Werkproces codes of the dossier (B1-K1-W2, P1-K1-W1 or K1-W2); at most 50
             * @example [
             *       "B1-K1-W1",
             *       "B1-K1-W2"
             *     ]
             */
            werkprocessen?: string[] | null;
            /**
             * @description A pseudonym (at most 64 characters); a BSN-shaped value (9 digits passing the 11-proef) is 400
             * @example KND-2024-017
             */
            candidateRef: string;
            /**
             * @description YYYY-MM-DD, not in the future; stage changes are dated at it
             * @example 2025-03-01
             */
            startedAt: string;
            /**
             * @description For the employer's own employee: the employer becomes structural (after its route's stage)
             * @default false
             */
            forOwnEmployee: boolean;
        };
        UpdateTrajectoryDto: {
            /** @enum {string} */
            status?: "intake" | "agreed" | "learning" | "assessment" | "certified" | "stopped";
            /**
             * @description YYYY-MM-DD
             * @example 2025-09-15
             */
            praktijkverklaringAt?: string | null;
            /** @enum {string|null} */
            outcome?: "employed_at_host" | "employed_at_sw" | "further_education" | "other" | "unknown" | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Allowed: name, email, role, createdAt */
                sort?: string;
                role?: "admin" | "coordinator" | "account_manager" | "wsp_staff";
                /** @description Users working in this region */
                regionId?: string;
                /** @description Part of the name or e-mail address */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionController_close: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                status?: "draft" | "scheduled" | "launching" | "running" | "paused" | "completed" | "cancelled";
                /** @description One of the caller's regions (404 otherwise). Sort: createdAt, updatedAt, name, launchAt, status (default -createdAt) */
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignLaunchController_launch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignLaunchController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignLaunchController_enrolmentList: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Sort: createdAt, nextStepAt, status (default createdAt) */
                status?: "active" | "completed" | "exited";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CampaignLaunchController_removeEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegionsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegionsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegionsController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRegionSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SbiSectionsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Both versions when left out */
                version?: "2008" | "2025";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_export: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Part of the name, city or KvK number. Sort: name, kvkNumber, city, createdAt, updatedAt, stage, sizeClass */
                q?: string;
                regionId?: string;
                stage?: "prospect" | "contacted" | "interested" | "sw_pilot" | "own_trajectory" | "structural" | "ambassador" | "not_interested" | "paused";
                /** @description Version and section letter */
                sbiSection?: string;
                sizeClass?: "micro" | "small" | "medium" | "large";
                /** @description Employers with an active network link to this SW-bedrijf */
                swCompanyId?: string;
                ownerId?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Part of the name, city or KvK number. Sort: name, kvkNumber, city, createdAt, updatedAt, stage, sizeClass */
                q?: string;
                regionId?: string;
                stage?: "prospect" | "contacted" | "interested" | "sw_pilot" | "own_trajectory" | "structural" | "ambassador" | "not_interested" | "paused";
                /** @description Version and section letter */
                sbiSection?: string;
                sizeClass?: "micro" | "small" | "medium" | "large";
                /** @description Employers with an active network link to this SW-bedrijf */
                swCompanyId?: string;
                ownerId?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEmployerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEmployerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_listContacts: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployersController_addContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                kind?: "sw_company" | "wsp" | "municipality" | "uwv" | "mbo" | "union" | "employer_association";
                regionId?: string;
                /** @description Part of the name, city or KvK number. Sort: name, kind, createdAt, updatedAt */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_listContacts: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_addContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_listNetwork: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Also ended links. Sort: employerName, since, until, relation */
                includeEnded?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNetworkLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_unlink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                employerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactsController_basisHistory: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description employer, organisation, contact, network_link, region, user … */
                entity?: string;
                /** @description One record; 404 when none of its entries are visible to you */
                entityId?: string;
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description CSV (`,` or `;`, UTF-8 with or without BOM) with a header row; columns name, kvkNumber, regionCode (required), sbiCode, sbiVersion, sizeClass, postcode, city, website, tags, contactFirstName, contactLastName, contactEmail, contactPhone, contactRole, contactEmailBasis, contactEmailBasisSource. Larger than UPLOAD_MAX_BYTES: 413. Another multipart field name than `file`: 400. */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAcceptedDto"];
                };
            };
        };
    };
    ImportsController_uploadTrajectories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Historic trajectories: CSV (`,` or `;`, UTF-8 with or without BOM) with a header row; columns kvkNumber, regionCode, route, candidateRef, startedAt (required), status, praktijkverklaringAt, outcome, crebo, werkprocessen, forOwnEmployee, hostKvkNumber, hostName, mboKvkNumber, mboName. Rows upsert by (employer, candidateRef, startedAt); the employer must exist in the region. Stage changes are dated at each startedAt. */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAcceptedDto"];
                };
            };
        };
    };
    ImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportViewDto"];
                };
            };
        };
    };
    ImportsController_errors: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportErrorPageDto"];
                };
            };
        };
    };
    EmployerPipelineController_moveStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveStageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerPipelineController_stageHistory: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerPipelineController_logActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogActivityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerPipelineController_timelineOf: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Sort: dueAt, createdAt, title (default dueAt) */
                assigneeId?: string;
                /** @description All tasks of one employer (any assignee unless assigneeId) */
                employerId?: string;
                /** @description Europe/Amsterdam days. overdue: not done, due before now; today: due between 00:00 today and 00:00 tomorrow; week: due from now until Monday 00:00 after this ISO week (Sunday inclusive) */
                due?: "overdue" | "today" | "week";
                done?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactPrivacyController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything held about the person: `{ exportedAt, contact, privacy, emailBasisHistory, enrolments, sentMessages, inboundMessages, activities, suppressions, auditLog }`; `Accept: text/csv` gives `section,item,field,value` rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactPrivacyController_restrict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ contactId, regionId, restrictedAt, objectedAt, erasedAt, reviewDueAt, exitedEnrolments }` (docs/privacy.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactPrivacyController_object: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ contactId, regionId, restrictedAt, objectedAt, erasedAt, reviewDueAt, exitedEnrolments }` (docs/privacy.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContactPrivacyController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ contactId, regionId, restrictedAt, objectedAt, erasedAt, reviewDueAt, exitedEnrolments }` (docs/privacy.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PrivacyController_reviews: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Only this region (within your own) */
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of `{ contactId, organisationId, regionId, reviewDueAt }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PrivacyController_keep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Flag cleared (or the contact was not flagged) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PrivacyController_runs: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of `{ id, ranAt, settings, summary }`, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_funnel[0]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                /** @description First day (Europe/Amsterdam); default: a year before `to` */
                from?: string;
                /** @description Last day, inclusive (Europe/Amsterdam); default: today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ from, to, stages: [{ stage, reached, conversionFromPrevious, medianDaysInStage, p75DaysInStage }], newToNetwork }` (docs/metrics.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_funnel[1]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                /** @description First day (Europe/Amsterdam); default: a year before `to` */
                from?: string;
                /** @description Last day, inclusive (Europe/Amsterdam); default: today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ from, to, stages: [{ stage, reached, conversionFromPrevious, medianDaysInStage, p75DaysInStage }], newToNetwork }` (docs/metrics.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_cohorts[0]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                by?: "quarter" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ by, cohorts: [{ period, size, ownTrajectoryWithin: { 3, 6, 12 }, structuralWithin: { 3, 6, 12 } }] }`; null for a window not yet passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_cohorts[1]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                by?: "quarter" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ by, cohorts: [{ period, size, ownTrajectoryWithin: { 3, 6, 12 }, structuralWithin: { 3, 6, 12 } }] }`; null for a window not yet passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_trajectories[0]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                /** @description First day (Europe/Amsterdam); default: a year before `to` */
                from?: string;
                /** @description Last day, inclusive (Europe/Amsterdam); default: today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ from, to, started: { total, byRoute, byStatus, bySbiSection, bySizeClass }, viaSwCompany, direct, certified, stopped, outcomes }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_trajectories[1]": {
        parameters: {
            query?: {
                /** @description Left out: all your regions (admins: every region) */
                regionId?: string;
                /** @description First day (Europe/Amsterdam); default: a year before `to` */
                from?: string;
                /** @description Last day, inclusive (Europe/Amsterdam); default: today */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ from, to, started: { total, byRoute, byStatus, bySbiSection, bySizeClass }, viaSwCompany, direct, certified, stopped, outcomes }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_targets[0]": {
        parameters: {
            query?: {
                /** @description Required unless you work in exactly one region */
                regionId?: string;
                /** @description Required: a year (`2027`) or a quarter (`2027-Q1`) */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ regionId, period, from, to, items: [{ metric, target, actual, share }] }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ReportsController_targets[1]": {
        parameters: {
            query?: {
                /** @description Required unless you work in exactly one region */
                regionId?: string;
                /** @description Required: a year (`2027`) or a quarter (`2027-Q1`) */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ regionId, period, from, to, items: [{ metric, target, actual, share }] }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ steps: [{ step, templateId, templateVersion, sent, bounced, blocked, replied, unsubscribed, …Rate }], audience, enrolled, skipped, exited, employersMailed, converted, conversionRate }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description One of the caller's regions (404 otherwise). Sort: name, createdAt, updatedAt (default name) */
                regionId?: string;
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSegmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_previewDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewSegmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSegmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SegmentsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StoriesController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description The employer's SBI version and section. Sort: createdAt, updatedAt, consentAt, expiresAt, title (default -createdAt) */
                sbiSection?: string;
                /** @description The employer's region */
                regionId?: string;
                employerId?: string;
                /** @description Published, consented and not expired today (Europe/Amsterdam) */
                usable?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StoriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StoriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StoriesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StoriesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TargetsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Sort: period, metric, value, updatedAt (default period, metric) */
                regionId?: string;
                /** @description Exactly this period: `2027` or `2027-Q1` */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TargetsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveTargetDto"];
            };
        };
        responses: {
            /** @description Replaced the target for the same region, period and metric */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A new target */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TargetsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SuppressionsController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description One region's suppressions plus the global ones */
                regionId?: string;
                /** @description Part of the address */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SuppressionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSuppressionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SuppressionsController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description One region's templates plus the national ones */
                regionId?: string;
                /** @description Only national (`true`) or only regional templates */
                national?: "true" | "false";
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_versions: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TemplatesController_testSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestSendTemplateDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrajectoriesController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
                /** @description Sort: startedAt, createdAt, updatedAt, status, praktijkverklaringAt (default -startedAt) */
                employerId?: string;
                regionId?: string;
                status?: "intake" | "agreed" | "learning" | "assessment" | "certified" | "stopped";
                route?: "sw_internal" | "sw_secondment" | "direct";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrajectoriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTrajectoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrajectoriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrajectoriesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTrajectoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MboMatchesController_list: {
        parameters: {
            query?: {
                page?: string;
                /** @description At most 500 */
                pageSize?: string;
                /** @description Comma-separated fields from the endpoint allowlist; `-` for descending */
                sort?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnsubscribeController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page with a confirm button */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forged, altered or unknown token (nothing changes) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnsubscribeController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page confirming the unsubscribe */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Forged, altered or unknown token (nothing changes) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
