package dk.stafet.web.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text on the pages, as {@code {msg:key}} in templates. Danish is the default locale: the
 * texts are in {@code messages/msg_da.properties}, English in {@code messages/msg_en.properties}.
 * Build-time checked.
 */
@MessageBundle(value = "msg", locale = "da")
public interface AppMessages {

  String language();

  String nav_coordinator();

  String nav_kpis();

  String nav_my_course();

  String logged_in_as();

  String logout();

  String logged_out_title();

  String logged_out_text();

  String login_again();

  String coordinator_title();

  String coordinator_intro();

  String attention_title();

  String attention_none();

  String attention_missing();

  String attention_counts(long missing, long active, long gaps);

  String handovers_title();

  String handovers_none();

  String handovers_on_behalf();

  String handover_accepted();

  String handover_rejected();

  String waiting_title();

  String waiting_none();

  String waiting_missing();

  String deadline_near(long daysLeft);

  String wt_limit(Integer days, String unit, String start);

  String deadline_over(long daysOver);

  String messages_title();

  String dead_letters();

  String dead_letters_none();

  String unacknowledged();

  String unacknowledged_none();

  String message_resent();

  String quarantine_title();

  String quarantine_none();

  String parked_title();

  String parked_none();

  String parked_alarm(int count);

  String parked_attempts(int attempts);

  String parked_hint();

  String validation_alarms_title();

  String validation_alarms_none();

  String validation_alarms_alarm(int count);

  String validation_alarms_hint();

  String acknowledge();

  String acknowledged();

  String replayed();

  String last_replay();

  String action_failed();

  String accept();

  String reject();

  String resend();

  String replay();

  String reject_reason();

  String agreement_channel();

  String channel_oral();

  String channel_electronic();

  String channel_written();

  String reason();

  String proposed_at();

  String respond_by();

  String patient_informed();

  String state_proposed();

  String state_unanswered();

  String state_sent();

  String state_negative();

  String attempts();

  String last_sent();

  String cancer();

  String days();

  String no_named_doctor();

  String col_patient();

  String col_holder();

  String col_rule();

  String col_since();

  String col_alarm();

  String col_receiver();

  String col_received();

  String col_deadline();

  String col_status();

  String col_message();

  String col_recipient();

  String col_state();

  String col_sent();

  String col_acknowledged();

  String col_from();

  String col_to();

  String col_doctor();

  String col_treatment();

  String col_cause();

  String col_course_type();

  String col_active();

  String col_named();

  String col_share();

  String col_target();

  String col_median();

  String col_mean();

  String col_gaps();

  String outcome_unavailable();

  String outcome_missing();

  String outcome_not_found();

  String outcome_refused();

  String outcome_conflict();

  String timeline_title();

  String patient_key();

  String name_unknown();

  String age_years(int age);

  String deceased();

  String patient_who_hint();

  String patient_referrals_title();

  String patient_referrals_none();

  String patient_referrals_hint();

  String wt_pending();

  String wt_met();

  String who_to_call_now();

  String prd();

  String no_prd();

  String rule();

  String call();

  String valid_until();

  String alarm();

  String ledger_title();

  String ledger_none();

  String ledger_hint();

  String still_in_force();

  String corrected();

  String handovers_of_patient();

  String rejected_because();

  String messages_out();

  String messages_none();

  String messages_in();

  String ledger_corrected(int count);

  String col_our_ack();

  String times_received(int times);

  String thread_reply();

  String thread_forward();

  String thread_id();

  String thread_note_unknown();

  String thread_note_other();

  String thread_answers_ours();

  String kpi_title();

  String computed_at();

  String kpi_share();

  String kpi_share_hint();

  String kpi_time();

  String kpi_gaps();

  String kpi_table();

  String kpi_no_data();

  String kpi_waiting();

  String kpi_waiting_counts(long exceeded, long warning, long open, long exceededAlerts);

  String kpi_messages();

  String kpi_latency();

  String kpi_latency_values(String median, String p90, String max, int sample);

  String my_course_title();

  String cpr_label();

  String cpr_hint();

  String cpr_invalid();

  String show_my_course();

  String my_nothing_found();

  String my_doctor();

  String my_doctor_named(String name);

  String my_doctor_unnamed();

  String my_responsible_place();

  String my_no_prd();

  String call_hospital(String place, String phone);

  String call_gp(String place, String phone);

  String call_out_of_hours(String phone);

  String call_specialist(String place, String phone);

  String call_nobody();

  String call_valid_until(String time);

  String emergency();

  String my_referrals();

  String my_referrals_none();

  String referral_to(String place);

  String my_referral_state();

  String ref_received();

  String ref_accepted();

  String ref_rejected();

  String ref_forwarded();

  String ref_started();

  String ref_ended();

  String received_on();

  String my_deadline(String rule, String date);

  String my_deadline_pending();

  String my_deadline_over();

  String my_messages();

  String msg_hospital_notification();

  String msg_care_communication();

  String my_msg_received();

  String my_msg_waiting();

  String my_msg_delivered();

  String my_msg_problem();

  String care_plans_title();

  String care_plans_none();

  String care_plan_child();

  String care_plan_adult();

  String care_plan_draft();

  String care_plan_active();

  String care_plan_completed();

  String care_plan_revoked();

  String care_plan_author();

  String care_plan_case_manager();

  String care_plan_chosen_by_citizen();

  String care_plan_chosen_by_staff();

  String care_plan_no_case_manager();

  String care_plan_no_activities();

  String care_plan_who();

  String care_plan_what();

  String care_plan_period();

  String care_plan_period_open();

  String activity_planned();

  String activity_active();

  String activity_completed();

  String activity_cancelled();

  String care_plan_closing_talk();

  String care_plan_transition(String date);

  String my_plans();

  String my_plan_untitled();

  String my_plan_completed();

  String my_plan_case_manager(String name);

  String my_plan_choose_case_manager();

  String my_plan_who_does_what();

  String my_activity_planned();

  String my_activity_active();

  String my_activity_completed();

  String my_activity_from(String date);

  String my_plan_transition(String date);

  String attention_transition(String date);

  String my_plan_choose_legend();

  String my_plan_choose_hint();

  String my_plan_choose();

  String my_plan_chosen(String name);

  String my_plan_choice_closed();

  String my_plan_choice_not_in_plan();

  String my_plan_choice_missing();

  String my_plan_choice_failed();
}
