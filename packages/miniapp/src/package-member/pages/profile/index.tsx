import type { Gender, MemberProfile, MemberProfileUpdate } from '@siyu/shared';
import { GENDERS } from '@siyu/shared/constants';
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { fieldErrorsOf, isApiError, mediaUrl, newIdempotencyKey, uploadAvatar } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { PhoneBindButton } from '../../../components/phone-bind-button';
import { t } from '../../../i18n/package-member';
import { AvatarPicker } from '../../../platform/avatar-picker';
import { useSession } from '../../../stores/session-store';
import '../member-pages.css';

const p = t.centre.profile;

/** Today as the device's calendar says (the birthday picker's last day). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Form {
  nickname: string;
  gender: Gender;
  birthday: string | null;
  /** Our stored avatar (https or /uploads/…), or null. */
  avatarUrl: string | null;
}

const formOf = (m: MemberProfile): Form => ({ nickname: m.nickname, gender: m.gender, birthday: m.birthday, avatarUrl: m.avatarUrl });

/** What changed against the profile as loaded: only those fields are sent. */
function changesOf(form: Form, loaded: MemberProfile): MemberProfileUpdate {
  const body: MemberProfileUpdate = {};
  if (form.nickname.trim() !== loaded.nickname) body.nickname = form.nickname.trim();
  if (form.gender !== loaded.gender) body.gender = form.gender;
  if (form.birthday && form.birthday !== loaded.birthday) body.birthday = form.birthday;
  if (form.avatarUrl !== loaded.avatarUrl) body.avatarUrl = form.avatarUrl;
  return body;
}

/**
 * 个人资料: avatar (WeChat's chooseAvatar button, elsewhere the album; uploaded to POST /me/avatar), nickname (WeChat's
 * nickname keyboard), gender, birthday (set once: locked after saving), the bound phone masked or the bind button.
 * Field errors of the API's 400 (and the 409 of a second birthday) are shown beside their fields.
 */
export default function ProfilePage() {
  const [loaded, setLoaded] = useState<MemberProfile | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  /** One key per save whose outcome is unknown, so a retried tap is answered once. */
  const pendingKey = useRef<{ key: string; body: string } | null>(null);

  const load = () => {
    setLoadError(false);
    api.profile().then(
      (m) => {
        setLoaded(m);
        setForm(formOf(m));
      },
      () => setLoadError(true),
    );
  };
  useDidShow(load);

  if (loadError)
    return (
      <View className='page'>
        <LoadError onRetry={load} />
      </View>
    );
  if (!loaded || !form) return <View className='page state-line'>{t.common.loading}</View>;

  const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon, duration: 2000 });
  const update = (patch: Partial<Form>) => {
    setForm((f) => (f ? { ...f, ...patch } : f)); // events can come faster than renders (an input, then a picker)
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const pickAvatar = (localPath: string) => {
    setUploading(true);
    uploadAvatar(localPath)
      .then(
        (image) => update({ avatarUrl: image.path }),
        (e) => {
          const tooLarge = isApiError(e) && e.code === 'PAYLOAD_TOO_LARGE';
          setErrors((prev) => ({ ...prev, avatarUrl: tooLarge ? p.avatarTooLarge : p.avatarFailed }));
        },
      )
      .finally(() => setUploading(false));
  };

  const send = async (body: MemberProfileUpdate) => {
    const text = JSON.stringify(body);
    if (!pendingKey.current || pendingKey.current.body !== text) pendingKey.current = { key: newIdempotencyKey(), body: text };
    setSaving(true);
    try {
      const saved = await api.updateProfile(body, pendingKey.current.key);
      pendingKey.current = null;
      setLoaded(saved);
      setForm(formOf(saved));
      setErrors({});
      const session = useSession.getState();
      session.setMember({ ...saved, pointsBalance: session.member?.pointsBalance ?? saved.pointsBalance });
      toast(p.saved, 'success');
    } catch (e) {
      if (isApiError(e) && e.status >= 400 && e.status < 500 && e.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT' && e.code !== 'RATE_LIMITED')
        pendingKey.current = null;
      const fields = fieldErrorsOf(e);
      if (Object.keys(fields).length > 0) {
        setErrors(Object.fromEntries(Object.keys(fields).map((f) => [f, p.fieldErrors[f] ?? fields[f] ?? p.failed])));
      } else if (isApiError(e) && e.code === 'BIRTHDAY_ALREADY_SET') {
        setErrors({ birthday: p.birthdayAlreadySet });
        load();
      } else toast(p.failed);
    } finally {
      setSaving(false);
    }
  };

  const save = () => {
    if (saving || uploading) return;
    const nickname = form.nickname.trim();
    if (!nickname) return setErrors({ nickname: p.nicknameRequired });
    if (nickname.length > 32) return setErrors({ nickname: p.nicknameTooLong });
    const body = changesOf(form, loaded);
    if (Object.keys(body).length === 0) return toast(p.unchanged);
    if (body.birthday && !loaded.birthdayLocked) {
      void Taro.showModal({ title: p.birthday, content: p.birthdayConfirm(body.birthday) }).then((r) => {
        if (r.confirm) void send(body);
      });
      return;
    }
    void send(body);
  };

  const genderIndex = Math.max(0, GENDERS.indexOf(form.gender));
  const avatarSrc = mediaUrl(form.avatarUrl);
  return (
    <View className='page member-profile'>
      <View className='card profile-card'>
        <View className='profile-row js-profile-avatar-row'>
          <Text className='profile-label'>{p.avatar}</Text>
          <AvatarPicker className='profile-avatar-picker js-profile-avatar' onPicked={pickAvatar}>
            {avatarSrc ? (
              <Image className='profile-avatar' src={avatarSrc} mode='aspectFill' />
            ) : (
              <View className='profile-avatar'>
                <Text>{(form.nickname || t.member.nicknameFallback).slice(0, 1)}</Text>
              </View>
            )}
            <Text className='muted profile-avatar-change'>{uploading ? t.common.loading : `${p.avatarChange} ›`}</Text>
          </AvatarPicker>
        </View>
        {errors.avatarUrl ? <Text className='field-error js-field-error-avatarUrl'>{errors.avatarUrl}</Text> : null}

        <View className='profile-row'>
          <Text className='profile-label'>{p.nickname}</Text>
          <Input
            className='profile-input js-profile-nickname'
            type='nickname'
            value={form.nickname}
            maxlength={32}
            placeholder={p.nicknamePlaceholder}
            onInput={(e) => update({ nickname: e.detail.value })}
            onBlur={(e) => update({ nickname: e.detail.value })}
          />
        </View>
        {errors.nickname ? <Text className='field-error js-field-error-nickname'>{errors.nickname}</Text> : null}

        <Picker
          className='js-profile-gender-picker'
          mode='selector'
          range={GENDERS.map((g) => p.genders[g] ?? g)}
          value={genderIndex}
          onChange={(e) => update({ gender: GENDERS[Number(e.detail.value)] ?? 'unknown' })}
        >
          <View className='profile-row js-profile-gender'>
            <Text className='profile-label'>{p.gender}</Text>
            <Text className='profile-value js-profile-gender-value'>{`${p.genders[form.gender] ?? ''} ›`}</Text>
          </View>
        </Picker>
        {errors.gender ? <Text className='field-error js-field-error-gender'>{errors.gender}</Text> : null}

        {loaded.birthdayLocked ? (
          <View className='profile-row js-profile-birthday is-locked'>
            <Text className='profile-label'>{p.birthday}</Text>
            <View className='profile-value-stack'>
              <Text className='profile-value js-profile-birthday-value'>{loaded.birthday ?? ''}</Text>
              <Text className='muted js-profile-birthday-locked'>{p.birthdayLocked}</Text>
            </View>
          </View>
        ) : (
          <Picker
            className='js-profile-birthday-picker'
            mode='date'
            start='1900-01-01'
            end={today()}
            value={form.birthday ?? '1995-01-01'}
            onChange={(e) => update({ birthday: String(e.detail.value) })}
          >
            <View className='profile-row js-profile-birthday'>
              <Text className='profile-label'>{p.birthday}</Text>
              <Text
                className={`profile-value js-profile-birthday-value${form.birthday ? '' : ' is-placeholder'}`}
              >{`${form.birthday ?? p.birthdayPlaceholder} ›`}</Text>
            </View>
          </Picker>
        )}
        {errors.birthday ? <Text className='field-error js-field-error-birthday'>{errors.birthday}</Text> : null}
        {loaded.birthdayLocked ? null : <Text className='muted profile-note js-profile-birthday-note'>{p.birthdayNote}</Text>}

        <View className='profile-row js-profile-phone'>
          <Text className='profile-label'>{p.phone}</Text>
          {loaded.phoneMasked ? (
            <Text className='profile-value js-profile-phone-value'>{loaded.phoneMasked}</Text>
          ) : (
            <PhoneBindButton
              onBound={(result) => {
                setLoaded({ ...loaded, phoneMasked: result.phoneMasked });
                void useSession.getState().refreshMember();
              }}
            />
          )}
        </View>
      </View>

      <Button className={`primary-button profile-save js-profile-save${saving || uploading ? ' is-disabled' : ''}`} onClick={save}>
        <Text>{saving ? p.saving : p.save}</Text>
      </Button>
    </View>
  );
}
